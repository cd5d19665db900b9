package dev.ecsdiag.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EcsEndpointTest {

    @Test
    void loopbackSpeaksHttpOthersHttpsUnlessTold() {
        assertThat(EcsEndpoint.parse("127.0.0.1:8080")).isEqualTo(new EcsEndpoint("127.0.0.1:8080", false));
        assertThat(EcsEndpoint.parse("ecs-vpc.cn-hangzhou.aliyuncs.com")).isEqualTo(new EcsEndpoint("ecs-vpc.cn-hangzhou.aliyuncs.com", true));
        assertThat(EcsEndpoint.parse("http://10.0.0.5:80/")).isEqualTo(new EcsEndpoint("10.0.0.5:80", false));
        assertThat(EcsEndpoint.parse("https://127.0.0.1:8443")).isEqualTo(new EcsEndpoint("127.0.0.1:8443", true));
        assertThat(EcsEndpoint.parse(null).overridden()).isFalse();
    }

    @Test
    void proxyIsNeverUsedForLoopbackAndHonoursNoProxy() {
        Map<String, String> env = Map.of("HTTPS_PROXY", "http://proxy.example:3128", "HTTP_PROXY", "proxy.example:3128",
                "NO_PROXY", "internal.example");
        assertThat(JdkHttpTransport.proxyFor(EcsEndpoint.parse("127.0.0.1:9000"), env)).isNull();
        assertThat(JdkHttpTransport.proxyFor(EcsEndpoint.parse("internal.example:443"), env)).isNull();
        assertThat(JdkHttpTransport.proxyFor(EcsEndpoint.parse("ecs.cn-hangzhou.aliyuncs.com"), env)).isNotNull();
        assertThat(JdkHttpTransport.proxyFor(EcsEndpoint.parse("ecs.cn-hangzhou.aliyuncs.com"), Map.of())).isNull();
    }

    @Test
    void redactorMasksRawAndUrlEncodedSecrets() {
        Redactor r = Redactor.of(java.util.List.of("s3cr+t/value=", "tok"));
        assertThat(r.apply("a s3cr+t/value= b s3cr%2Bt%2Fvalue%3D c")).isEqualTo("a ******** b ******** c");
        assertThat(r.apply("tok stays: too short to be a secret")).contains("tok");
    }
}
