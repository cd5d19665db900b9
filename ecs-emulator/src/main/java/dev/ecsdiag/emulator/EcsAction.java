package dev.ecsdiag.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One API action: validates its parameters and builds the JSON answer (without RequestId). */
interface EcsAction {

    String name();

    /** The instance the call concerns, for per-instance faults and counters; null when none. */
    default String instanceId(RpcRequest request) {
        return request.get("InstanceId");
    }

    ObjectNode answer(RpcRequest request, CredentialStore.AccessKey caller);

    /** The service checks the RAM policy before looking at the resource. */
    static void requirePermission(CredentialStore.AccessKey caller, String action) {
        if (!caller.allows(action)) {
            throw EcsError.forbiddenRam(action);
        }
    }
}
