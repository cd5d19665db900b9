package dev.ecsdiag.collect;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a collection's AccessKey comes from: given explicitly, or looked up by the Alibaba SDK's
 * default chain (system properties, environment, profile files, OIDC, the ECS RAM role).
 */
public sealed interface Credentials permits Credentials.AccessKey, Credentials.DefaultChain {

    static Credentials accessKey(String accessKeyId, Secret secret) {
        return new AccessKey(accessKeyId, secret, null);
    }

    static Credentials sts(String accessKeyId, Secret secret, Secret securityToken) {
        return new AccessKey(accessKeyId, secret, securityToken);
    }

    static Credentials defaultChain() {
        return DefaultChain.INSTANCE;
    }

    /** An AccessKey pair, with an STS security token when the pair is temporary. */
    record AccessKey(String accessKeyId, Secret secret, Secret securityToken) implements Credentials {
        public AccessKey {
            Objects.requireNonNull(secret, "secret");
            if (accessKeyId == null || accessKeyId.isBlank()) {
                throw new IllegalArgumentException("the AccessKey ID is empty");
            }
            if (secret.isBlank()) {
                throw new IllegalArgumentException("the AccessKey secret is empty");
            }
        }

        public Optional<Secret> token() {
            return Optional.ofNullable(securityToken);
        }
    }

    /** The SDK's default credential chain. */
    enum DefaultChain implements Credentials {
        INSTANCE
    }
}
