package dev.ecsdiag.emulator;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The AccessKey pairs the emulator accepts, each with the actions its RAM policy denies and,
 * for STS credentials, the security token that must come with it. Thread-safe: tests may add
 * keys while the server runs.
 */
public final class CredentialStore {

    /** The local test key printed by {@code ecsdiag emulator}: it opens nothing but this emulator. */
    public static final String TEST_ACCESS_KEY_ID = "LTAI5tEcsDiagLocalTest01";
    public static final String TEST_ACCESS_KEY_SECRET = "ecsdiag-local-test-secret-0123456789";

    /** One AccessKey pair as the emulator knows it. */
    public record AccessKey(String id, String secret, String securityToken, Set<String> deniedActions) {
        public AccessKey {
            deniedActions = Set.copyOf(deniedActions);
        }

        public boolean allows(String action) {
            return !deniedActions.contains(action);
        }
    }

    private final Map<String, AccessKey> keys = new ConcurrentHashMap<>();

    /** A store holding only the local test key. */
    public static CredentialStore withTestKey() {
        return new CredentialStore().add(TEST_ACCESS_KEY_ID, TEST_ACCESS_KEY_SECRET);
    }

    public CredentialStore add(String accessKeyId, String secret) {
        return put(new AccessKey(accessKeyId, secret, null, Set.of()));
    }

    /** An STS key: requests must carry this {@code SecurityToken}. */
    public CredentialStore addSts(String accessKeyId, String secret, String securityToken) {
        return put(new AccessKey(accessKeyId, secret, securityToken, Set.of()));
    }

    /** A key whose RAM policy lacks the given actions: calls answer {@code Forbidden.RAM}. */
    public CredentialStore addRestricted(String accessKeyId, String secret, Set<String> deniedActions) {
        return put(new AccessKey(accessKeyId, secret, null, deniedActions));
    }

    public CredentialStore put(AccessKey key) {
        if (key.id() == null || key.id().isBlank() || key.secret() == null || key.secret().isEmpty()) {
            throw new IllegalArgumentException("an AccessKey needs an id and a secret");
        }
        keys.put(key.id(), key);
        return this;
    }

    public Optional<AccessKey> find(String accessKeyId) {
        return accessKeyId == null ? Optional.empty() : Optional.ofNullable(keys.get(accessKeyId));
    }
}
