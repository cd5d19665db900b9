package dev.ecsdiag.emulator;

import com.aliyuncs.AcsRequest;
import com.aliyuncs.AcsResponse;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.auth.AlibabaCloudCredentials;
import com.aliyuncs.auth.BasicCredentials;
import com.aliyuncs.auth.BasicSessionCredentials;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.HttpClientConfig;
import com.aliyuncs.profile.DefaultProfile;

/**
 * Real SDK clients pointed at an emulator. Credentials are explicit, so the SDK's default chain
 * (and its ECS metadata lookup, also disabled for the test JVM) is never consulted; no proxy for
 * loopback. The SDK's HTTP client is a JVM-wide singleton, so every test uses this one config.
 */
final class SdkClients {

    private SdkClients() {
    }

    static DefaultAcsClient testKey(EcsEmulator ecs) {
        return client(ecs, new BasicCredentials(CredentialStore.TEST_ACCESS_KEY_ID, CredentialStore.TEST_ACCESS_KEY_SECRET));
    }

    static DefaultAcsClient key(EcsEmulator ecs, String id, String secret) {
        return client(ecs, new BasicCredentials(id, secret));
    }

    static DefaultAcsClient sts(EcsEmulator ecs, String id, String secret, String token) {
        return client(ecs, new BasicSessionCredentials(id, secret, token));
    }

    private static DefaultAcsClient client(EcsEmulator ecs, AlibabaCloudCredentials credentials) {
        DefaultProfile profile = DefaultProfile.getProfile(ecs.region());
        HttpClientConfig config = HttpClientConfig.getDefault();
        config.setNoProxy("127.0.0.1");
        config.setConnectionTimeoutMillis(2_000);
        config.setReadTimeoutMillis(5_000);
        profile.setHttpClientConfig(config);
        return new DefaultAcsClient(profile, credentials);
    }

    /** Sends {@code request} to the emulator, unchanged but for the endpoint. */
    static <T extends AcsResponse> T call(DefaultAcsClient client, EcsEmulator ecs, AcsRequest<T> request) throws ClientException {
        request.setSysEndpoint(ecs.endpoint());
        return client.getAcsResponse(request);
    }
}
