package dev.ecsdiag.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One API action: validates its parameters and builds the JSON answer (without RequestId). */
interface EcsAction {

    String name();

    /** The instance the call concerns, for per-instance faults and counters; null when none. */
    default String instanceId(RpcRequest request) {
        return request.get("InstanceId");
    }

    Answer answer(RpcRequest request, CredentialStore.AccessKey caller);

    /**
     * The answer's fields, and optionally one more field whose value is the Base64 of a byte
     * source: the handler streams it, so a large console log never sits in memory whole.
     */
    record Answer(ObjectNode fields, String base64Field, ByteSource base64Source) {
        static Answer of(ObjectNode fields) {
            return new Answer(fields, null, null);
        }
    }

    /** The service checks the RAM policy before looking at the resource. */
    static void requirePermission(CredentialStore.AccessKey caller, String action) {
        if (!caller.allows(action)) {
            throw EcsError.forbiddenRam(action);
        }
    }
}
