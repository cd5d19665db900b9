package dev.ecsdiag.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * DescribeInstanceHistoryEvents: platform events of the region's instances. Filters: InstanceId,
 * EventId.N, InstanceEventType.N (else EventType), InstanceEventCycleStatus.N (else
 * EventCycleStatus; neither: only finished events, as the service does), EventPublishTime and
 * NotBefore ranges, ImpactLevel; paging by PageNumber/PageSize (at most 100).
 */
final class DescribeInstanceHistoryEventsAction implements EcsAction {

    static final String NAME = "DescribeInstanceHistoryEvents";

    private final Fleet fleet;

    DescribeInstanceHistoryEventsAction(Fleet fleet) {
        this.fleet = fleet;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Answer answer(RpcRequest request, CredentialStore.AccessKey caller) {
        String region = request.require("RegionId");
        EcsAction.requirePermission(caller, NAME);
        String instanceId = request.get("InstanceId");
        Predicate<SystemEventFixture> filter = filter(request);
        int page = request.intParameter("PageNumber", 1, 1, Integer.MAX_VALUE);
        int size = request.intParameter("PageSize", 10, 1, 100);

        List<ObjectNode> matching = new ArrayList<>();
        for (EmulatedInstance i : fleet.all()) {
            if (!i.regionId().equals(region) || (instanceId != null && !instanceId.equals(i.id()))) {
                continue;
            }
            for (SystemEventFixture e : i.events()) {
                if (filter.test(e)) {
                    matching.add(describe(i, e));
                }
            }
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("TotalCount", matching.size());
        out.put("PageNumber", page);
        out.put("PageSize", size);
        ArrayNode list = out.putObject("InstanceSystemEventSet").putArray("InstanceSystemEventType");
        long from = (long) (page - 1) * size;
        for (long k = from; k < Math.min(matching.size(), from + size); k++) {
            list.add(matching.get((int) k));
        }
        return Answer.of(out);
    }

    private static Predicate<SystemEventFixture> filter(RpcRequest request) {
        Predicate<SystemEventFixture> p = e -> true;
        List<String> eventIds = request.repeated("EventId");
        if (!eventIds.isEmpty()) {
            Set<String> wanted = Set.copyOf(eventIds);
            p = p.and(e -> wanted.contains(e.eventId()));
        }
        List<String> types = request.repeated("InstanceEventType");
        if (types.isEmpty() && request.get("EventType") != null) {
            types = List.of(request.get("EventType"));
        }
        if (!types.isEmpty()) {
            Set<String> wanted = Set.copyOf(types);
            p = p.and(e -> wanted.contains(e.type()));
        }
        List<String> cycles = request.repeated("InstanceEventCycleStatus");
        if (cycles.isEmpty()) {
            cycles = request.repeated("InstanceEventCycleStatuss");
        }
        if (cycles.isEmpty() && request.get("EventCycleStatus") != null) {
            cycles = List.of(request.get("EventCycleStatus"));
        }
        if (cycles.isEmpty()) {
            p = p.and(SystemEventFixture::inactive);
        } else {
            Set<String> wanted = Set.copyOf(cycles);
            p = p.and(e -> wanted.contains(e.cycleStatus()));
        }
        String impact = request.get("ImpactLevel");
        if (impact != null) {
            p = p.and(e -> impact.equals(e.impactLevel()));
        }
        p = p.and(range(request, "EventPublishTime", SystemEventFixture::publishTime));
        p = p.and(range(request, "NotBefore", SystemEventFixture::notBefore));
        return p;
    }

    private static Predicate<SystemEventFixture> range(RpcRequest request, String name,
                                                       java.util.function.Function<SystemEventFixture, String> field) {
        Instant start = time(request, name + ".Start");
        Instant end = time(request, name + ".End");
        if (start == null && end == null) {
            return e -> true;
        }
        return e -> {
            Instant t = parseOrNull(field.apply(e));
            return t != null && (start == null || !t.isBefore(start)) && (end == null || !t.isAfter(end));
        };
    }

    private static Instant time(RpcRequest request, String name) {
        String v = request.get(name);
        if (v == null) {
            return null;
        }
        Instant t = parseOrNull(v);
        if (t == null) {
            throw EcsError.invalidParameter(name, "expected ISO 8601 UTC like 2026-11-25T08:00:00Z");
        }
        return t;
    }

    private static Instant parseOrNull(String v) {
        if (v == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            try {
                // The service also accepts minutes only: 2026-11-25T08:00Z.
                return OffsetDateTime.parse(v.replace("Z", ":00Z")).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static ObjectNode describe(EmulatedInstance i, SystemEventFixture e) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("EventId", e.eventId());
        n.put("InstanceId", i.id());
        n.putObject("EventType").put("Code", e.typeCode()).put("Name", e.type());
        n.putObject("EventCycleStatus").put("Code", e.cycleCode()).put("Name", e.cycleStatus());
        n.put("EventPublishTime", e.publishTime());
        n.put("NotBefore", e.notBefore());
        if (e.finishTime() != null) {
            n.put("EventFinishTime", e.finishTime());
        }
        if (e.reason() != null) {
            n.put("Reason", e.reason());
        }
        if (e.impactLevel() != null) {
            n.put("ImpactLevel", e.impactLevel());
        }
        n.put("ResourceType", "instance");
        n.putObject("ExtendedAttribute");
        return n;
    }
}
