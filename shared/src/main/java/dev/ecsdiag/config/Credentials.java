package dev.ecsdiag.config;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a collection's AccessKey comes from: given explicitly, or looked up by the Alibaba SDK's
 * default chain (system properties, environment, profile files, OIDC, the ECS RAM role).
 *
 * <p>Serialisable so that a job can travel to a build agent: Java serialisation carries the values
 * the calls need; {@code toString} and the request's JSON never show a secret.
 */
public sealed interface Credentials extends Serializable permits Credentials.AccessKey, Credentials.DefaultChain {

    /**
     * Credentials from the values a front end holds: an AccessKey ID with its secret and an optional
     * STS token, or the default chain when neither ID nor secret is given. Blank values count as
     * missing; values are trimmed.
     *
     * @throws InvalidRequestException (CONFIGURATION, naming the setting) for an ID without a secret,
     *                                 a secret without an ID, or a token without both
     */
    static Credentials of(String accessKeyId, String secret, String securityToken) {
        String id = blankToNull(accessKeyId);
        String key = blankToNull(secret);
        String token = blankToNull(securityToken);
        if (id == null && key == null) {
            if (token != null) {
                throw new InvalidRequestException(InvalidRequestException.Kind.CONFIGURATION, Setting.ACCESS_KEY_ID,
                        "an STS security token was given without an AccessKey ID and secret");
            }
            return defaultChain();
        }
        if (id == null) {
            throw new InvalidRequestException(InvalidRequestException.Kind.CONFIGURATION, Setting.ACCESS_KEY_ID,
                    "an AccessKey secret was given without its AccessKey ID");
        }
        if (key == null) {
            throw new InvalidRequestException(InvalidRequestException.Kind.CONFIGURATION, Setting.ACCESS_KEY_SECRET,
                    "the AccessKey ID " + id + " was given without its secret");
        }
        return new AccessKey(id, Secret.of(key), token == null ? null : Secret.of(token));
    }

    static Credentials accessKey(String accessKeyId, Secret secret) {
        return new AccessKey(accessKeyId, secret, null);
    }

    static Credentials sts(String accessKeyId, Secret secret, Secret securityToken) {
        return new AccessKey(accessKeyId, secret, securityToken);
    }

    static Credentials defaultChain() {
        return DefaultChain.INSTANCE;
    }

    /** For messages: the key's ID, or "the default credential chain". Never a secret. */
    String describe();

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** An AccessKey pair, with an STS security token when the pair is temporary. */
    record AccessKey(String accessKeyId, Secret secret, Secret securityToken) implements Credentials {
        private static final long serialVersionUID = 1L;

        public AccessKey {
            if (accessKeyId == null || accessKeyId.isBlank()) {
                throw new InvalidRequestException(InvalidRequestException.Kind.CONFIGURATION, Setting.ACCESS_KEY_ID,
                        "the AccessKey ID is empty");
            }
            if (secret == null || secret.isBlank()) {
                throw new InvalidRequestException(InvalidRequestException.Kind.CONFIGURATION, Setting.ACCESS_KEY_SECRET,
                        "the AccessKey secret is empty");
            }
            accessKeyId = accessKeyId.strip();
        }

        public Optional<Secret> token() {
            return Optional.ofNullable(securityToken);
        }

        @Override
        public String describe() {
            return "AccessKey " + accessKeyId + (securityToken == null ? "" : " with an STS token");
        }

        @Override
        public String toString() {
            return "AccessKey[" + accessKeyId + (securityToken == null ? "" : ", STS token") + "]";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof AccessKey k && k.accessKeyId.equals(accessKeyId) && k.secret.equals(secret)
                    && Objects.equals(k.securityToken, securityToken);
        }

        @Override
        public int hashCode() {
            return accessKeyId.hashCode();
        }
    }

    /** The SDK's default credential chain. */
    enum DefaultChain implements Credentials {
        INSTANCE;

        @Override
        public String describe() {
            return "the default credential chain";
        }
    }
}
