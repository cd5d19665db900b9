package dev.ecsdiag.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.ecs.model.v20140526.DescribeInstancesRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeInstancesResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A fleet of 250 instances, paged and filtered through the real SDK. */
class DescribeInstancesPagingTest {

    static EcsEmulator ecs;
    static DefaultAcsClient client;
    static final int FLEET = 250;

    @BeforeAll
    static void start() {
        ecs = EcsEmulator.builder().throttleWindow(Duration.ZERO).build().start();
        for (int i = 0; i < FLEET; i++) {
            EmulatedInstance.Builder b = EmulatedInstance.builder(String.format("i-fleet%05d", i))
                    .tag("ci-build", i % 2 == 0 ? "100" : "101")
                    .tag("shard", "s" + (i % 5))
                    .status(i % 10 == 9 ? "Stopped" : "Running");
            ecs.fleet().put(b.build());
        }
        ecs.fleet().put(EmulatedInstance.builder("i-otherregion1").region("eu-central-1").tag("ci-build", "100").build());
        client = SdkClients.testKey(ecs);
    }

    @AfterAll
    static void stop() {
        ecs.close();
    }

    private static DescribeInstancesResponse describe(DescribeInstancesRequest r) throws ClientException {
        return SdkClients.call(client, ecs, r);
    }

    private static DescribeInstancesRequest.Tag tag(String key, String value) {
        DescribeInstancesRequest.Tag t = new DescribeInstancesRequest.Tag();
        t.setKey(key);
        t.setValue(value);
        return t;
    }

    @Test
    void nextTokenPagesCoverTheFleetOnce() throws Exception {
        List<String> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String token = null;
        do {
            DescribeInstancesRequest r = new DescribeInstancesRequest();
            r.setMaxResults(100);
            r.setNextToken(token);
            DescribeInstancesResponse page = describe(r);
            page.getInstances().forEach(i -> seen.add(i.getInstanceId()));
            pageSizes.add(page.getInstances().size());
            assertThat(page.getTotalCount()).isEqualTo(FLEET);
            token = page.getNextToken();
        } while (token != null && !token.isEmpty());
        assertThat(pageSizes).containsExactly(100, 100, 50);
        assertThat(seen).hasSize(FLEET).doesNotHaveDuplicates().doesNotContain("i-otherregion1");
    }

    @Test
    void pageNumbersCoverTheFleetOnce() throws Exception {
        Set<String> seen = new HashSet<>();
        for (int page = 1; page <= 4; page++) {
            DescribeInstancesRequest r = new DescribeInstancesRequest();
            r.setPageNumber(page);
            r.setPageSize(100);
            DescribeInstancesResponse resp = describe(r);
            assertThat(resp.getPageNumber()).isEqualTo(page);
            assertThat(resp.getPageSize()).isEqualTo(100);
            resp.getInstances().forEach(i -> assertThat(seen.add(i.getInstanceId())).isTrue());
            if (page == 4) {
                assertThat(resp.getInstances()).isEmpty();
            }
        }
        assertThat(seen).hasSize(FLEET);
    }

    @Test
    void defaultPageIsTen() throws Exception {
        assertThat(describe(new DescribeInstancesRequest()).getInstances()).hasSize(10);
    }

    @Test
    void allTagFiltersMustMatch() throws Exception {
        DescribeInstancesRequest r = new DescribeInstancesRequest();
        r.setTags(List.of(tag("ci-build", "100"), tag("shard", "s0")));
        r.setMaxResults(100);
        DescribeInstancesResponse resp = describe(r);
        // Even numbers that are multiples of 5: multiples of 10, 25 of them.
        assertThat(resp.getTotalCount()).isEqualTo(25);
        assertThat(resp.getInstances()).allSatisfy(i -> assertThat(Integer.parseInt(i.getInstanceId().substring(7)) % 10).isZero());
    }

    @Test
    void tagKeyWithoutValueMatchesAnyValue() throws Exception {
        DescribeInstancesRequest r = new DescribeInstancesRequest();
        r.setTags(List.of(tag("shard", null)));
        assertThat(describe(r).getTotalCount()).isEqualTo(FLEET);
        DescribeInstancesRequest none = new DescribeInstancesRequest();
        none.setTags(List.of(tag("no-such-tag", null)));
        assertThat(describe(none).getTotalCount()).isZero();
    }

    @Test
    void statusAndIdsFilterTogether() throws Exception {
        DescribeInstancesRequest r = new DescribeInstancesRequest();
        r.setStatus("Stopped");
        r.setInstanceIds("[\"i-fleet00009\",\"i-fleet00010\",\"i-fleet00019\"]");
        DescribeInstancesResponse resp = describe(r);
        assertThat(resp.getInstances()).extracting(DescribeInstancesResponse.Instance::getInstanceId)
                .containsExactly("i-fleet00009", "i-fleet00019");
    }

    @Test
    void moreThanHundredIdsIsInvalid() {
        StringBuilder ids = new StringBuilder("[");
        for (int i = 0; i < 101; i++) {
            ids.append(i == 0 ? "" : ",").append("\"i-fleet").append(String.format("%05d", i)).append('"');
        }
        DescribeInstancesRequest r = new DescribeInstancesRequest();
        r.setInstanceIds(ids.append(']').toString());
        ClientException e = catchThrowableOfType(ClientException.class, () -> describe(r));
        assertThat(e.getErrCode()).isEqualTo("InvalidParameter");
    }

    @Test
    void forgedTokenIsRefused() {
        DescribeInstancesRequest r = new DescribeInstancesRequest();
        r.setNextToken("not-a-token");
        assertThat(catchThrowableOfType(ClientException.class, () -> describe(r)).getErrCode()).isEqualTo("InvalidParameter");
    }
}
