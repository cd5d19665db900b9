package dev.ecsdiag.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyuncs.ecs.model.v20140526.DescribeInstanceHistoryEventsRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The built-in fleet is dated relative to the emulator's start, so a 24-hour event window sees its events. */
class SceneTimeTest {

    @Test
    void theSceneEndsJustBeforeNowWithItsSpacingKept() {
        Instant now = Instant.parse("2031-03-04T12:00:00Z");
        List<EmulatedInstance> fleet = EcsEmulator.defaultFleet("cn-hangzhou", now);
        EmulatedInstance failed = fleet.stream().filter(i -> i.id().equals("i-bp1demo0hostfl07")).findFirst().orElseThrow();
        SystemEventFixture stop = failed.events().get(0);
        Instant published = Instant.parse(stop.publishTime());
        Instant finished = Instant.parse(stop.finishTime());
        assertThat(finished).isBefore(now).isAfter(now.minus(Duration.ofMinutes(10)));
        assertThat(Duration.between(published, finished)).isEqualTo(Duration.ofSeconds(28)); // 09:16:12 to 09:16:40
        assertThat(Instant.parse(failed.creationTime())).isBefore(published);
        // the scheduled maintenance stays ahead, three days after its notice
        SystemEventFixture maintenance = fleet.stream().filter(i -> i.id().equals("i-bp1demo0healthy6")).findFirst()
                .orElseThrow().events().get(0);
        assertThat(Instant.parse(maintenance.notBefore())).isAfter(now);
        assertThat(Instant.parse(maintenance.publishTime())).isBefore(now).isAfter(now.minus(Duration.ofHours(24)));
    }

    @Test
    void aTwentyFourHourEventWindowSeesTheBuiltInEvents() throws Exception {
        try (EcsEmulator ecs = EcsEmulator.startDefaultFleet(EcsEmulator.builder().throttleWindow(Duration.ZERO))) {
            var client = SdkClients.testKey(ecs);
            DescribeInstanceHistoryEventsRequest events = new DescribeInstanceHistoryEventsRequest();
            events.setInstanceId("i-bp1demo0hostfl07");
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            events.setEventPublishTimeStart(now.minus(Duration.ofHours(24)).toString());
            events.setEventPublishTimeEnd(now.plus(Duration.ofMinutes(1)).toString());
            assertThat(SdkClients.call(client, ecs, events).getInstanceSystemEventSet())
                    .extracting(e -> e.getEventType().getName()).containsExactly("SystemFailure.Stop");
        }
    }
}
