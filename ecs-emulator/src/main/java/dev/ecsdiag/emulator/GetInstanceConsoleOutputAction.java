package dev.ecsdiag.emulator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** GetInstanceConsoleOutput: the serial console output since the last start, Base64. */
final class GetInstanceConsoleOutputAction implements EcsAction {

    static final String NAME = "GetInstanceConsoleOutput";
    private static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final Fleet fleet;
    private final InstanceCallWindow window;
    private final Clock clock;

    GetInstanceConsoleOutputAction(Fleet fleet, InstanceCallWindow window, Clock clock) {
        this.fleet = fleet;
        this.window = window;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Answer answer(RpcRequest request, CredentialStore.AccessKey caller) {
        String region = request.require("RegionId");
        String id = request.require("InstanceId");
        EcsAction.requirePermission(caller, NAME);
        EmulatedInstance instance = fleet.requireInRegion(id, region);
        window.admit(NAME, id);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("InstanceId", id);
        out.put("LastUpdateTime", lastUpdateTime(instance));
        return new Answer(out, "ConsoleOutput", instance.console());
    }

    private String lastUpdateTime(EmulatedInstance instance) {
        if (instance.lastUpdateTime() != null) {
            return instance.lastUpdateTime();
        }
        Instant modified = instance.console().lastModified();
        return ISO_SECONDS.format((modified != null ? modified : clock.instant()).truncatedTo(ChronoUnit.SECONDS));
    }
}
