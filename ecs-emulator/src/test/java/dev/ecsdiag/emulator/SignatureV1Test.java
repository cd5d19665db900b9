package dev.ecsdiag.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SignatureV1Test {

    /** The worked example of the Alibaba Cloud RPC signature documentation (checked with openssl). */
    @Test
    void documentedExample() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("Timestamp", "2016-02-23T12:46:24Z");
        p.put("Format", "XML");
        p.put("AccessKeyId", "testid");
        p.put("Action", "DescribeRegions");
        p.put("SignatureMethod", "HMAC-SHA1");
        p.put("SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf");
        p.put("Version", "2014-05-26");
        p.put("SignatureVersion", "1.0");

        String sts = SignatureV1.stringToSign("GET", p);
        assertThat(sts).isEqualTo("GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML"
                + "%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"
                + "%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26");
        assertThat(SignatureV1.sign("testsecret", sts)).isEqualTo("OLeaidS1JvxuMvnyHOwuJ+uX5qY=");
    }

    @Test
    void percentEncodingFollowsRfc3986() {
        assertThat(SignatureV1.percentEncode("a b*c~d+e/f=g&h")).isEqualTo("a%20b%2Ac~d%2Be%2Ff%3Dg%26h");
        assertThat(SignatureV1.percentEncode("数")).isEqualTo("%E6%95%B0");
    }

    @Test
    void signatureIsExcludedFromWhatIsSigned() {
        Map<String, String> p = new LinkedHashMap<>(Map.of("B", "2", "A", "1"));
        String without = SignatureV1.stringToSign("POST", p);
        p.put("Signature", "anything");
        assertThat(SignatureV1.stringToSign("POST", p)).isEqualTo(without).isEqualTo("POST&%2F&A%3D1%26B%3D2");
    }

    /** Seeded random parameters with awkward characters: ours agrees with the independent one. */
    @Test
    void agreesWithAnIndependentImplementation() throws Exception {
        String alphabet = "aZ09-_.~ *+/=&%?#:[]\"'\u00e9\u6570\ud83d\ude00\t";
        Random random = new Random(1405_26);
        for (int round = 0; round < 300; round++) {
            Map<String, String> p = new LinkedHashMap<>();
            int n = 1 + random.nextInt(8);
            for (int i = 0; i < n; i++) {
                p.put("K" + randomString(random, alphabet, 1 + random.nextInt(5)), randomString(random, alphabet, random.nextInt(20)));
            }
            String secret = randomString(random, alphabet, 1 + random.nextInt(30));
            String expected = IndependentSigner.stringToSign("POST", p);
            assertThat(SignatureV1.stringToSign("POST", p)).as("round %d: %s", round, p).isEqualTo(expected);
            assertThat(SignatureV1.sign(secret, expected)).isEqualTo(IndependentSigner.sign(secret, expected));
        }
    }

    private static String randomString(Random random, String alphabet, int length) {
        int[] cps = alphabet.codePoints().toArray();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.appendCodePoint(cps[random.nextInt(cps.length)]);
        }
        return sb.toString();
    }
}
