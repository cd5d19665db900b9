package dev.ecsdiag.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Hand-made RPC calls for what the SDK will not do on purpose: stale timestamps, a nonce sent
 * twice, a signature over other parameters. Signs with {@link IndependentSigner}.
 */
final class RawRpc {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final HttpClient HTTP = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    record Answer(int status, String contentType, JsonNode body) {
        String code() {
            return body.path("Code").asText(null);
        }
    }

    private RawRpc() {
    }

    /** The common parameters of a fresh call with the test key. */
    static Map<String, String> parameters(String action, Instant timestamp) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("Action", action);
        p.put("Format", "JSON");
        p.put("Version", "2014-05-26");
        p.put("AccessKeyId", CredentialStore.TEST_ACCESS_KEY_ID);
        p.put("SignatureMethod", "HMAC-SHA1");
        p.put("SignatureVersion", "1.0");
        p.put("SignatureNonce", UUID.randomUUID().toString().replace("-", ""));
        p.put("Timestamp", TIMESTAMP.format(timestamp));
        p.put("RegionId", EcsEmulator.DEFAULT_REGION);
        return p;
    }

    static Map<String, String> signed(Map<String, String> params, String secret) throws Exception {
        Map<String, String> p = new LinkedHashMap<>(params);
        p.remove("Signature");
        p.put("Signature", IndependentSigner.sign(secret, IndependentSigner.stringToSign("POST", p)));
        return p;
    }

    /** POSTs with every parameter in the query, encoded as the SDK puts it on the wire. */
    static Answer post(EcsEmulator ecs, Map<String, String> params) throws Exception {
        StringBuilder query = new StringBuilder();
        params.forEach((k, v) -> query.append(query.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + ecs.endpoint() + "/?" + query))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                JSON.readTree(response.body()));
    }
}
