package dev.ecsdiag.cli;

import dev.ecsdiag.config.Credentials;
import dev.ecsdiag.config.InvalidRequestException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Where a command line finds its AccessKey: the SDK's default chain, or an ID given as an option
 * with the secret from an environment variable or standard input, never from an argument (other
 * users of the machine can read those). The core builds and checks the credentials from the values.
 */
final class CredentialOptions {

    @Option(names = "--access-key-id", paramLabel = "ID", description = "AccessKey ID; the secret comes from --secret-env or --secret-stdin.")
    String accessKeyId;

    @Option(names = "--secret-env", paramLabel = "NAME", defaultValue = "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
            description = "Environment variable holding the AccessKey secret (default: ${DEFAULT-VALUE}).")
    String secretEnv;

    @Option(names = "--secret-stdin", description = "Read the AccessKey secret from the first line of standard input.")
    boolean secretStdin;

    @Option(names = "--sts-token-env", paramLabel = "NAME",
            description = "Environment variable holding an STS security token, for temporary AccessKeys.")
    String stsTokenEnv;

    /** The credentials these options name; the secret is read from the environment or standard input now. */
    Credentials credentials(CommandLine commandLine) {
        if (accessKeyId == null) {
            if (secretStdin) {
                throw new ParameterException(commandLine, "--secret-stdin needs --access-key-id");
            }
            return Credentials.defaultChain();
        }
        String secret = secretStdin ? readSecretFromStdin() : System.getenv(secretEnv);
        if (secret == null || secret.isBlank()) {
            throw new InvalidRequestException(InvalidRequestException.Kind.CONFIGURATION, secretStdin
                    ? "no AccessKey secret on standard input (expected it on the first line)"
                    : "the AccessKey secret for " + accessKeyId + " is expected in the environment variable " + secretEnv
                    + ", which is not set; set it, name another with --secret-env, or use --secret-stdin");
        }
        String token = null;
        if (stsTokenEnv != null) {
            token = System.getenv(stsTokenEnv);
            if (token == null || token.isBlank()) {
                throw new InvalidRequestException(InvalidRequestException.Kind.CONFIGURATION,
                        "the STS token is expected in the environment variable " + stsTokenEnv + ", which is not set");
            }
        }
        return Credentials.of(accessKeyId, secret, token);
    }

    private static String readSecretFromStdin() {
        try {
            // not closed: standard input belongs to the process
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            return in.readLine();
        } catch (IOException e) {
            throw new InvalidRequestException(InvalidRequestException.Kind.CONFIGURATION,
                    "cannot read the AccessKey secret from standard input: " + e.getMessage());
        }
    }
}
