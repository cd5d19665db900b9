package dev.ecsdiag.ecs;

import java.util.Locale;

/**
 * Where calls go: either the region's public endpoint, resolved by the SDK, or an override
 * ({@code HOST[:PORT]}, optionally with a scheme) applied per request with {@code setSysEndpoint}.
 * An override without a scheme uses HTTPS, except on loopback (the local emulator), which speaks
 * plain HTTP.
 *
 * @param hostPort {@code host[:port]} for {@code setSysEndpoint}; null when the SDK resolves it
 * @param https    whether to use HTTPS
 */
public record EcsEndpoint(String hostPort, boolean https) {

    public static EcsEndpoint forRegion() {
        return new EcsEndpoint(null, true);
    }

    public static EcsEndpoint parse(String override) {
        if (override == null || override.isBlank()) {
            return forRegion();
        }
        String s = override.strip();
        Boolean https = null;
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("https://")) {
            https = true;
            s = s.substring(8);
        } else if (lower.startsWith("http://")) {
            https = false;
            s = s.substring(7);
        }
        if (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        if (https == null) {
            https = !isLoopback(s);
        }
        return new EcsEndpoint(s, https);
    }

    public boolean overridden() {
        return hostPort != null;
    }

    static boolean isLoopback(String hostPort) {
        String host = hostPort.contains(":") ? hostPort.substring(0, hostPort.lastIndexOf(':')) : hostPort;
        return host.equals("127.0.0.1") || host.equalsIgnoreCase("localhost") || host.startsWith("127.");
    }

    /** For messages: {@code http://127.0.0.1:8080}, or the region's public endpoint. */
    public String describe(String region) {
        return hostPort == null ? "the public ECS endpoint of " + region : (https ? "https://" : "http://") + hostPort;
    }
}
