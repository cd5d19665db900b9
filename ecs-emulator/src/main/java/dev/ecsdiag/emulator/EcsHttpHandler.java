package dev.ecsdiag.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The RPC front door: decodes the call, applies latency, authenticates, injects faults, runs the
 * action and writes the answer in the service's JSON shape.
 */
final class EcsHttpHandler implements HttpHandler {

    static final String HOST_ID = "ecs.aliyuncs.com";
    static final String API_VERSION = "2014-05-26";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_CONTENT_TYPE = "application/json;charset=utf-8";
    private static final System.Logger LOG = System.getLogger(EcsHttpHandler.class.getName());

    private final Map<String, EcsAction> actions;
    private final RequestAuthenticator authenticator;
    private final FaultInjector faults;
    private final CallCounters counters;
    private final Consumer<String> requestLog;
    private final Predicate<String> knownRegion;

    EcsHttpHandler(Map<String, EcsAction> actions, RequestAuthenticator authenticator, FaultInjector faults,
                   CallCounters counters, Consumer<String> requestLog, Predicate<String> knownRegion) {
        this.knownRegion = knownRegion;
        this.actions = Map.copyOf(actions);
        this.authenticator = authenticator;
        this.faults = faults;
        this.counters = counters;
        this.requestLog = requestLog;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        CallCounters.InFlight inFlight = counters.started();
        String requestId = UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
        String actionName = null;
        String instanceId = null;
        try {
            RpcRequest request = read(exchange);
            actionName = request.action();
            EcsAction action = actionName == null ? null : actions.get(actionName);
            instanceId = action == null ? null : action.instanceId(request);
            counters.called(actionName, instanceId);
            FaultInjector.Decision fault = faults.decide(actionName, instanceId);
            pause(fault.latency());
            try {
                answer(exchange, requestId, request, action, fault, inFlight);
            } catch (EcsError e) {
                sendError(exchange, requestId, actionName, instanceId, e, inFlight);
            }
        } catch (EcsError e) {
            sendError(exchange, requestId, actionName, instanceId, e, inFlight);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "emulator failed on " + actionName + " " + instanceId, e);
            sendError(exchange, requestId, actionName, instanceId, EcsError.internalError(), inFlight);
        } finally {
            inFlight.end();
            exchange.close();
        }
    }

    private void answer(HttpExchange exchange, String requestId, RpcRequest request, EcsAction action,
                        FaultInjector.Decision fault, CallCounters.InFlight inFlight) throws IOException {
        String method = request.httpMethod();
        if (!"POST".equals(method) && !"GET".equals(method)) {
            throw new EcsError(405, "UnsupportedHTTPMethod", "This http method " + method + " is not supported.");
        }
        CredentialStore.AccessKey caller = authenticator.authenticate(request);
        String version = request.require("Version");
        if (!API_VERSION.equals(version)) {
            throw new EcsError(400, "InvalidVersion", "Specified parameter Version is not valid: this endpoint speaks " + API_VERSION + ".");
        }
        String format = request.get("Format");
        if (format != null && !"JSON".equalsIgnoreCase(format)) {
            throw EcsError.invalidParameter("Format", "this endpoint answers JSON only");
        }
        if (request.action() == null) {
            throw EcsError.missingParameter("Action");
        }
        if (action == null) {
            throw EcsError.actionNotFound(request.action());
        }
        String regionId = request.get("RegionId");
        if (regionId != null && !knownRegion.test(regionId)) {
            throw ServiceRegions.unknown();
        }
        if (fault.reset()) {
            counters.answered(request.action(), CallCounters.RESET);
            log(request.action(), instanceIdOf(request, action), "connection reset");
            // Closing an exchange whose headers were never sent closes the socket: no answer at all.
            inFlight.end();
            exchange.close();
            return;
        }
        if (fault.error() != null) {
            throw fault.error();
        }
        EcsAction.Answer answer = action.answer(request, caller);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("RequestId", requestId);
        body.setAll(answer.fields());
        boolean mangled = fault.brokenBase64() || fault.wrongContentType() || fault.malformedJson();
        if (answer.base64Field() != null && !mangled) {
            // counted before the answer's last bytes leave: a client that has read the whole answer
            // must find it counted
            streamAnswer(exchange, requestId, body, answer, inFlight, () -> counters.answered(request.action(), CallCounters.OK));
            log(request.action(), instanceIdOf(request, action), "200 OK");
            return;
        }
        if (answer.base64Field() != null) {
            body.put(answer.base64Field(), Base64.getEncoder().encodeToString(read(answer.base64Source())));
        }
        if (fault.brokenBase64()) {
            breakBase64(body, "ConsoleOutput");
            breakBase64(body, "Screenshot");
        }
        byte[] bytes = JSON.writeValueAsBytes(body);
        String contentType = JSON_CONTENT_TYPE;
        if (fault.wrongContentType()) {
            contentType = "text/html;charset=utf-8";
            bytes = "<html><head><title>Gateway</title></head><body><h1>Please sign in to the network</h1></body></html>"
                    .getBytes(StandardCharsets.UTF_8);
        } else if (fault.malformedJson()) {
            // A truncated answer, as when a proxy cuts a response short.
            bytes = java.util.Arrays.copyOf(bytes, Math.max(1, bytes.length / 2));
        }
        counters.answered(request.action(), CallCounters.OK);
        log(request.action(), instanceIdOf(request, action), "200 OK");
        send(exchange, 200, contentType, requestId, bytes, inFlight);
    }

    private static byte[] read(ByteSource source) {
        try {
            return source.read();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }

    /**
     * Writes the small fields, then the Base64 of the source straight from its stream (chunked), so
     * that serving a console log of hundreds of megabytes costs a buffer, not the whole log.
     * Base64 needs no JSON escaping.
     */
    private static void streamAnswer(HttpExchange exchange, String requestId, ObjectNode fields, EcsAction.Answer answer,
                                     CallCounters.InFlight inFlight, Runnable beforeLastBytes) throws IOException {
        InputStream in;
        try {
            in = answer.base64Source().open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + answer.base64Source(), e);
        }
        try (in) {
            byte[] head = JSON.writeValueAsBytes(fields);
            exchange.getResponseHeaders().set("Content-Type", JSON_CONTENT_TYPE);
            exchange.getResponseHeaders().set("x-acs-request-id", requestId);
            inFlight.end();
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = new BufferedOutputStream(exchange.getResponseBody(), 64 * 1024)) {
                out.write(head, 0, head.length - 1); // without the closing brace
                out.write((",\"" + answer.base64Field() + "\":\"").getBytes(StandardCharsets.US_ASCII));
                OutputStream base64 = Base64.getEncoder().wrap(new FilterOutputStream(out) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        flush(); // the encoder's close writes the padding; the answer goes on
                    }
                });
                in.transferTo(base64);
                base64.close();
                beforeLastBytes.run();
                out.write("\"}".getBytes(StandardCharsets.US_ASCII));
            }
        }
    }

    private static String instanceIdOf(RpcRequest request, EcsAction action) {
        return action.instanceId(request);
    }

    /** Corrupts a Base64 field the way a broken relay would: stray characters, a length not a multiple of 4. */
    private static void breakBase64(ObjectNode body, String field) {
        if (body.hasNonNull(field)) {
            String b64 = body.get(field).asText();
            body.put(field, "!!" + b64.substring(0, b64.length() / 2) + "%");
        }
    }

    private static RpcRequest read(HttpExchange exchange) throws IOException {
        Map<String, String> parameters = new LinkedHashMap<>();
        RpcRequest.decodeForm(exchange.getRequestURI().getRawQuery(), parameters);
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (body.length > 0 && contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            RpcRequest.decodeForm(new String(body, StandardCharsets.UTF_8), parameters);
        }
        return new RpcRequest(exchange.getRequestMethod().toUpperCase(Locale.ROOT), parameters);
    }

    private void sendError(HttpExchange exchange, String requestId, String action, String instanceId, EcsError e,
                           CallCounters.InFlight inFlight) throws IOException {
        counters.answered(action, e.code());
        log(action, instanceId, e.httpStatus() + " " + e.code());
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("RequestId", requestId);
        body.put("HostId", HOST_ID);
        body.put("Code", e.code());
        body.put("Message", e.getMessage());
        body.put("Recommend", "https://api.aliyun.com/troubleshoot?q=" + e.code() + "&product=Ecs&requestId=" + requestId);
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
        send(exchange, e.httpStatus(), JSON_CONTENT_TYPE, requestId, bytes, inFlight);
    }

    private static void send(HttpExchange exchange, int status, String contentType, String requestId, byte[] bytes,
                             CallCounters.InFlight inFlight) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("x-acs-request-id", requestId);
        inFlight.end();
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void log(String action, String instanceId, String outcome) {
        if (requestLog != null) {
            requestLog.accept(action + (instanceId == null ? "" : " " + instanceId) + " -> " + outcome);
        }
    }

    private static void pause(Duration latency) {
        if (latency.isZero()) {
            return;
        }
        try {
            Thread.sleep(latency.toMillis(), latency.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
