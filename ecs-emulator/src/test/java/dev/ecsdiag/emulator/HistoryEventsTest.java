package dev.ecsdiag.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.ecs.model.v20140526.DescribeInstanceHistoryEventsRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeInstanceHistoryEventsResponse;
import com.aliyuncs.ecs.model.v20140526.DescribeInstanceHistoryEventsResponse.InstanceSystemEventType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Platform events, read by the SDK's own unmarshaller. */
class HistoryEventsTest {

    EcsEmulator ecs;
    DefaultAcsClient client;

    @BeforeEach
    void start() {
        ecs = EcsEmulator.builder().throttleWindow(Duration.ZERO).build().start();
        ecs.fleet().put(EmulatedInstance.builder("i-events0001")
                .event(new SystemEventFixture("e-0001", "SystemFailure.Reboot", "Executed", "2026-11-25T09:12:31Z",
                        "2026-11-25T09:12:31Z", "2026-11-25T09:14:02Z", "The host of the instance failed.", "ALARM"))
                .event(new SystemEventFixture("e-0002", "SystemMaintenance.Reboot", "Scheduled", "2026-11-25T10:00:00Z",
                        "2026-11-27T02:00:00Z", null, null, null))
                .event(new SystemEventFixture("e-0003", "InstanceFailure.Reboot", "Executed", "2026-11-24T22:00:00Z",
                        "2026-11-24T22:00:00Z", "2026-11-24T22:01:00Z", null, null))
                .build());
        ecs.fleet().put(EmulatedInstance.builder("i-events0002")
                .event(new SystemEventFixture("e-0004", "SystemFailure.Stop", "Failed", "2026-11-25T09:30:00Z",
                        "2026-11-25T09:30:00Z", "2026-11-25T09:31:00Z", null, null))
                .build());
        client = SdkClients.testKey(ecs);
    }

    @AfterEach
    void stop() {
        ecs.close();
    }

    private List<InstanceSystemEventType> events(DescribeInstanceHistoryEventsRequest r) throws Exception {
        return SdkClients.call(client, ecs, r).getInstanceSystemEventSet();
    }

    @Test
    void everyFieldReachesTheSdk() throws Exception {
        DescribeInstanceHistoryEventsRequest r = new DescribeInstanceHistoryEventsRequest();
        r.setInstanceId("i-events0001");
        DescribeInstanceHistoryEventsResponse resp = SdkClients.call(client, ecs, r);
        assertThat(resp.getTotalCount()).isEqualTo(2);
        InstanceSystemEventType e = resp.getInstanceSystemEventSet().stream()
                .filter(x -> x.getEventId().equals("e-0001")).findFirst().orElseThrow();
        assertThat(e.getInstanceId()).isEqualTo("i-events0001");
        assertThat(e.getEventType().getName()).isEqualTo("SystemFailure.Reboot");
        assertThat(e.getEventType().getCode()).isEqualTo(33);
        assertThat(e.getEventCycleStatus().getName()).isEqualTo("Executed");
        assertThat(e.getEventPublishTime()).isEqualTo("2026-11-25T09:12:31Z");
        assertThat(e.getNotBefore()).isEqualTo("2026-11-25T09:12:31Z");
        assertThat(e.getEventFinishTime()).isEqualTo("2026-11-25T09:14:02Z");
        assertThat(e.getReason()).isEqualTo("The host of the instance failed.");
        assertThat(e.getImpactLevel()).isEqualTo("ALARM");
        assertThat(e.getResourceType()).isEqualTo("instance");
    }

    @Test
    void withoutCycleFilterOnlyFinishedEventsComeBack() throws Exception {
        assertThat(events(new DescribeInstanceHistoryEventsRequest()))
                .extracting(InstanceSystemEventType::getEventId).containsExactlyInAnyOrder("e-0001", "e-0003", "e-0004");
    }

    @Test
    void cycleStatusAndTypeFilters() throws Exception {
        DescribeInstanceHistoryEventsRequest scheduled = new DescribeInstanceHistoryEventsRequest();
        scheduled.setInstanceEventCycleStatuss(List.of("Scheduled", "Executed"));
        scheduled.setInstanceEventTypes(List.of("SystemMaintenance.Reboot", "SystemFailure.Reboot"));
        assertThat(events(scheduled)).extracting(InstanceSystemEventType::getEventId).containsExactlyInAnyOrder("e-0001", "e-0002");
    }

    @Test
    void publishTimeRange() throws Exception {
        DescribeInstanceHistoryEventsRequest r = new DescribeInstanceHistoryEventsRequest();
        r.setEventPublishTimeStart("2026-11-25T09:00:00Z");
        r.setEventPublishTimeEnd("2026-11-25T09:20:00Z");
        assertThat(events(r)).extracting(InstanceSystemEventType::getEventId).containsExactly("e-0001");
    }

    @Test
    void paging() throws Exception {
        DescribeInstanceHistoryEventsRequest r = new DescribeInstanceHistoryEventsRequest();
        r.setPageSize(2);
        r.setPageNumber(2);
        DescribeInstanceHistoryEventsResponse resp = SdkClients.call(client, ecs, r);
        assertThat(resp.getTotalCount()).isEqualTo(3);
        assertThat(resp.getPageNumber()).isEqualTo(2);
        assertThat(resp.getInstanceSystemEventSet()).hasSize(1);
    }
}
