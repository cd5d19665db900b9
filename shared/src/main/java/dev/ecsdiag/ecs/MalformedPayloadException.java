package dev.ecsdiag.ecs;

import java.io.IOException;

/** A Base64 payload in an answer that cannot be decoded; the message says where it breaks. */
public final class MalformedPayloadException extends IOException {

    private static final long serialVersionUID = 1L;

    public MalformedPayloadException(String message) {
        super(message);
    }
}
