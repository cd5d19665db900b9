package dev.ecsdiag.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.ecs.model.v20140526.DescribeInstancesRequest;
import com.aliyuncs.ecs.model.v20140526.GetInstanceConsoleOutputRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** No shared state between emulators; correct answers and counts under parallel calls. */
class IsolationAndConcurrencyTest {

    @Test
    void twoEmulatorsSideBySideShareNothing() throws Exception {
        try (EcsEmulator a = EcsEmulator.builder().throttleWindow(Duration.ZERO).build().start();
             EcsEmulator b = EcsEmulator.builder().throttleWindow(Duration.ZERO)
                     .credentials(new CredentialStore().add("LTAIonlyforb", "secret-b")).build().start()) {
            a.fleet().put(EmulatedInstance.builder("i-onlyina001").build());
            b.fleet().put(EmulatedInstance.builder("i-onlyinb001").build());
            a.faults(Faults.NONE.withThrottleFirst(5));

            DefaultAcsClient clientB = SdkClients.key(b, "LTAIonlyforb", "secret-b");
            assertThat(SdkClients.call(clientB, b, new DescribeInstancesRequest()).getInstances())
                    .extracting(i -> i.getInstanceId()).containsExactly("i-onlyinb001");
            ClientException wrongKey = catchThrowableOfType(ClientException.class,
                    () -> SdkClients.call(SdkClients.testKey(b), b, new DescribeInstancesRequest()));
            assertThat(wrongKey.getErrCode()).isEqualTo("InvalidAccessKeyId.NotFound");
            assertThat(a.counters().totalCalls()).isZero();
            assertThat(b.counters().totalCalls()).isEqualTo(2);
        }
    }

    @Test
    void parallelCallsGetTheirOwnInstanceAndAreAllCounted() throws Exception {
        int instances = 64;
        try (EcsEmulator ecs = EcsEmulator.builder().throttleWindow(Duration.ZERO).build().start()) {
            for (int i = 0; i < instances; i++) {
                ecs.fleet().put(EmulatedInstance.builder(String.format("i-para%04d", i)).console("console of " + i + "\n").build());
            }
            DefaultAcsClient client = SdkClients.testKey(ecs);
            ExecutorService pool = Executors.newFixedThreadPool(16);
            try {
                List<Future<String>> answers = new ArrayList<>();
                for (int round = 0; round < 3; round++) {
                    for (int i = 0; i < instances; i++) {
                        String id = String.format("i-para%04d", i);
                        answers.add(pool.submit(() -> {
                            GetInstanceConsoleOutputRequest r = new GetInstanceConsoleOutputRequest();
                            r.setInstanceId(id);
                            return id + "=" + new String(Base64.getDecoder().decode(SdkClients.call(client, ecs, r).getConsoleOutput()),
                                    StandardCharsets.UTF_8);
                        }));
                    }
                }
                for (int k = 0; k < answers.size(); k++) {
                    int i = k % instances;
                    assertThat(answers.get(k).get()).isEqualTo(String.format("i-para%04d", i) + "=console of " + i + "\n");
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(ecs.counters().calls("GetInstanceConsoleOutput")).isEqualTo(3L * instances);
            assertThat(ecs.counters().answers(CallCounters.OK)).isEqualTo(3L * instances);
            assertThat(ecs.counters().calls("GetInstanceConsoleOutput", "i-para0007")).isEqualTo(3);
        }
    }

    @Test
    void theWindowAdmitsExactlyOneOfManySimultaneousCalls() throws Exception {
        try (EcsEmulator ecs = EcsEmulator.builder().throttleWindow(Duration.ofSeconds(30)).build().start()) {
            ecs.fleet().put(EmulatedInstance.builder("i-window0001").console("x").build());
            DefaultAcsClient client = SdkClients.testKey(ecs);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<String>> outcomes = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    outcomes.add(pool.submit(() -> {
                        GetInstanceConsoleOutputRequest r = new GetInstanceConsoleOutputRequest();
                        r.setInstanceId("i-window0001");
                        try {
                            SdkClients.call(client, ecs, r);
                            return "OK";
                        } catch (ClientException e) {
                            return e.getErrCode();
                        }
                    }));
                }
                List<String> codes = new ArrayList<>();
                for (Future<String> f : outcomes) {
                    codes.add(f.get());
                }
                assertThat(codes).containsOnly("OK", "Throttling").filteredOn("OK"::equals).hasSize(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
