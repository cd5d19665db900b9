package dev.ecsdiag.emulator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/** GetInstanceScreenshot: the instance's screen as an image, Base64; running instances only. */
final class GetInstanceScreenshotAction implements EcsAction {

    static final String NAME = "GetInstanceScreenshot";

    private final Fleet fleet;
    private final InstanceCallWindow window;

    GetInstanceScreenshotAction(Fleet fleet, InstanceCallWindow window) {
        this.fleet = fleet;
        this.window = window;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Answer answer(RpcRequest request, CredentialStore.AccessKey caller) {
        String region = request.require("RegionId");
        String id = request.require("InstanceId");
        String wakeUp = request.get("WakeUp");
        if (wakeUp != null && !"true".equalsIgnoreCase(wakeUp) && !"false".equalsIgnoreCase(wakeUp)) {
            throw EcsError.invalidParameter("WakeUp", "must be true or false");
        }
        EcsAction.requirePermission(caller, NAME);
        EmulatedInstance instance = fleet.requireInRegion(id, region);
        window.admit(NAME, id);
        if (!instance.running()) {
            throw EcsError.incorrectInstanceStatus();
        }
        byte[] image;
        try {
            image = instance.screenshot() == null ? BlankScreen.png() : instance.screenshot().read();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the screenshot of " + id + " from " + instance.screenshot(), e);
        }
        if (image.length == 0) {
            image = BlankScreen.png();
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("InstanceId", id);
        byte[] screen = image;
        return new Answer(out, "Screenshot", () -> screen);
    }
}
