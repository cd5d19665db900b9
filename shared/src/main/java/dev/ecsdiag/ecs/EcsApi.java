package dev.ecsdiag.ecs;

import com.aliyuncs.AcsRequest;
import com.aliyuncs.AcsResponse;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.auth.AlibabaCloudCredentials;
import com.aliyuncs.auth.AlibabaCloudCredentialsProvider;
import com.aliyuncs.auth.BasicCredentials;
import com.aliyuncs.auth.BasicSessionCredentials;
import com.aliyuncs.auth.DefaultCredentialsProvider;
import com.aliyuncs.auth.StaticCredentialsProvider;
import com.aliyuncs.ecs.model.v20140526.DescribeInstanceHistoryEventsRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeInstanceHistoryEventsResponse;
import com.aliyuncs.ecs.model.v20140526.DescribeInstancesRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeInstancesResponse;
import com.aliyuncs.ecs.model.v20140526.GetInstanceConsoleOutputRequest;
import com.aliyuncs.ecs.model.v20140526.GetInstanceScreenshotRequest;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.FormatType;
import com.aliyuncs.http.HttpClientConfig;
import com.aliyuncs.http.HttpClientType;
import com.aliyuncs.http.HttpResponse;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import com.aliyuncs.profile.IClientProfile;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsdiag.config.Credentials;
import dev.ecsdiag.config.InvalidRequestException;
import dev.ecsdiag.config.Setting;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.io.Writer;
import java.net.SocketTimeoutException;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The four ECS calls ecsdiag makes, for one collection: one SDK client with its own transport
 * and credentials, the endpoint and timeouts applied per request. Each call is made once; retry
 * is the caller's business. Failures come back as {@link EcsCallException} with the HTTP status
 * (the SDK hides it), so that 429 and 5xx can be told apart from permanent refusals.
 */
public final class EcsApi implements AutoCloseable {

    public static final String DESCRIBE_INSTANCES = "DescribeInstances";
    public static final String CONSOLE_OUTPUT = "GetInstanceConsoleOutput";
    public static final String SCREENSHOT = "GetInstanceScreenshot";
    public static final String HISTORY_EVENTS = "DescribeInstanceHistoryEvents";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** For payload answers: a console log can be long; the default 20 M character limit is not ours to impose. */
    private static final JsonFactory PAYLOAD_JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
            .build();
    private static final List<String> EVENT_CYCLE_STATES =
            List.of("Scheduled", "Avoided", "Executing", "Executed", "Canceled", "Failed", "Inquiring");

    private final String region;
    private final EcsEndpoint endpoint;
    private final Client client;
    private final Redactor redactor;
    private final AtomicLong calls = new AtomicLong();

    private EcsApi(String region, EcsEndpoint endpoint, Client client, Redactor redactor) {
        this.region = region;
        this.endpoint = endpoint;
        this.client = client;
        this.redactor = redactor;
    }

    /**
     * Opens a client for one collection. Resolves the credentials now, so that a missing or
     * incomplete AccessKey fails before any call with a message saying where keys are looked for.
     */
    public static EcsApi open(String region, String endpointOverride, Credentials credentials, Duration connectTimeout,
                              Map<String, String> environment) {
        EcsEndpoint endpoint = EcsEndpoint.parse(endpointOverride);
        AlibabaCloudCredentialsProvider provider;
        AlibabaCloudCredentials resolved;
        if (credentials instanceof Credentials.AccessKey key) {
            resolved = key.token()
                    .<AlibabaCloudCredentials>map(t -> new BasicSessionCredentials(key.accessKeyId(), key.secret().reveal(), t.reveal()))
                    .orElseGet(() -> new BasicCredentials(key.accessKeyId(), key.secret().reveal()));
            provider = new StaticCredentialsProvider(resolved);
        } else {
            try {
                provider = new DefaultCredentialsProvider();
                resolved = provider.getCredentials();
            } catch (ClientException | RuntimeException e) {
                throw new InvalidRequestException(InvalidRequestException.Kind.CONFIGURATION, Setting.ACCESS_KEY_ID,
                        "no Alibaba Cloud credentials found: give an AccessKey ID and its secret,"
                                + " or set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET,"
                                + " or configure ~/.alibabacloud/credentials.ini, ~/.aliyun/config.json or an ECS RAM role");
            }
            if (resolved == null || resolved.getAccessKeyId() == null || resolved.getAccessKeySecret() == null) {
                throw new InvalidRequestException(InvalidRequestException.Kind.CONFIGURATION,
                        "the credential chain found an incomplete AccessKey (an ID without a secret or the reverse)");
            }
        }
        List<String> secrets = new ArrayList<>();
        secrets.add(resolved.getAccessKeySecret());
        if (resolved instanceof BasicSessionCredentials s) {
            secrets.add(s.getSessionToken());
        }
        Redactor redactor = Redactor.of(secrets);

        HttpClientConfig config = new HttpClientConfig();
        // Built by the SDK's factory first; the cheap URLConnection client holds no shared state,
        // and is replaced right away by our own transport.
        config.setClientType(HttpClientType.Compatible);
        config.setConnectionTimeoutMillis(connectTimeout.toMillis());
        config.setProtocolType(endpoint.https() ? ProtocolType.HTTPS : ProtocolType.HTTP);
        IClientProfile profile = DefaultProfile.getProfile(region);
        profile.setHttpClientConfig(config);
        Client client = new Client(profile, provider);
        try {
            client.setHttpClient(new JdkHttpTransport(config, connectTimeout,
                    JdkHttpTransport.proxyFor(endpoint, environment)));
        } catch (ClientException e) {
            throw new IllegalStateException("cannot set up the HTTP transport", e);
        }
        return new EcsApi(region, endpoint, client, redactor);
    }

    public Redactor redactor() {
        return redactor;
    }

    public EcsEndpoint endpoint() {
        return endpoint;
    }

    /** HTTP calls made so far (each attempt counts). */
    public long callsMade() {
        return calls.get();
    }

    /** One page of instances: by ids (at most 100) or by tags, or both. */
    public DescribedInstance.Page describeInstances(List<String> ids, Map<String, String> tags, String nextToken,
                                                       int maxResults, Duration timeout) throws EcsCallException {
        DescribeInstancesRequest r = new DescribeInstancesRequest();
        if (ids != null && !ids.isEmpty()) {
            r.setInstanceIds(toJsonArray(ids));
        }
        if (tags != null && !tags.isEmpty()) {
            List<DescribeInstancesRequest.Tag> list = new ArrayList<>();
            tags.forEach((k, v) -> {
                DescribeInstancesRequest.Tag t = new DescribeInstancesRequest.Tag();
                t.setKey(k);
                t.setValue(v);
                list.add(t);
            });
            r.setTags(list);
        }
        r.setMaxResults(maxResults);
        if (nextToken != null && !nextToken.isEmpty()) {
            r.setNextToken(nextToken);
        }
        DescribeInstancesResponse page = call(DESCRIBE_INSTANCES, r, DescribeInstancesResponse.class, timeout);
        List<DescribedInstance> found = new ArrayList<>();
        if (page.getInstances() != null) {
            for (DescribeInstancesResponse.Instance i : page.getInstances()) {
                Map<String, String> t = new java.util.LinkedHashMap<>();
                if (i.getTags() != null) {
                    for (DescribeInstancesResponse.Instance.Tag tag : i.getTags()) {
                        t.put(tag.getTagKey(), tag.getTagValue());
                    }
                }
                found.add(new DescribedInstance(i.getInstanceId(), i.getInstanceName(), i.getStatus(), t));
            }
        }
        return new DescribedInstance.Page(found, page.getNextToken());
    }

    public SystemEvent.Page historyEvents(String instanceId, String publishedFrom, String publishedTo,
                                                               int pageNumber, int pageSize, Duration timeout) throws EcsCallException {
        DescribeInstanceHistoryEventsRequest r = new DescribeInstanceHistoryEventsRequest();
        r.setInstanceId(instanceId);
        r.setEventPublishTimeStart(publishedFrom);
        r.setEventPublishTimeEnd(publishedTo);
        // every cycle state: without them the service returns finished events only, and an
        // event still executing is exactly what explains a VM that vanished mid-build
        r.setInstanceEventCycleStatuss(EVENT_CYCLE_STATES);
        r.setPageNumber(pageNumber);
        r.setPageSize(pageSize);
        DescribeInstanceHistoryEventsResponse answer = call(HISTORY_EVENTS, r, DescribeInstanceHistoryEventsResponse.class, timeout);
        List<SystemEvent> events = new ArrayList<>();
        if (answer.getInstanceSystemEventSet() != null) {
            for (DescribeInstanceHistoryEventsResponse.InstanceSystemEventType e : answer.getInstanceSystemEventSet()) {
                events.add(event(e));
            }
        }
        return new SystemEvent.Page(events, answer.getTotalCount() == null ? 0 : answer.getTotalCount());
    }

    private static SystemEvent event(DescribeInstanceHistoryEventsResponse.InstanceSystemEventType e) {
        String type = e.getEventType() == null ? null : e.getEventType().getName();
        String cycle = e.getEventCycleStatus() == null ? null : e.getEventCycleStatus().getName();
        return new SystemEvent(e.getEventId(), type, cycle, e.getEventPublishTime(), e.getNotBefore(),
                blankToNull(e.getEventFinishTime()), blankToNull(e.getReason()), blankToNull(e.getImpactLevel()),
                SystemEvent.isPlatformFault(type));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private <T extends AcsResponse> T call(String action, AcsRequest<T> request, Class<T> type, Duration timeout)
            throws EcsCallException {
        HttpResponse response = send(action, request, timeout);
        String invalid = jsonProblem(response.getHttpContent());
        if (invalid != null) {
            // The SDK's own JSON reader loops until the heap is exhausted on a string cut short
            // (seen with aliyun-java-sdk-core 4.7.10): it only ever sees answers Jackson accepted.
            throw new EcsCallException(action, EcsCallException.Kind.MALFORMED, "InvalidResponse",
                    "the answer is not valid ECS JSON: " + invalid, null, response.getStatus());
        }
        try {
            T parsed = client.read(type, response);
            if (parsed == null) {
                throw new ClientException("SDK.InvalidServerResponse", "empty answer");
            }
            return parsed;
        } catch (ClientException | RuntimeException e) {
            String detail = e instanceof ClientException ce ? ce.getErrMsg() : e.getClass().getSimpleName();
            throw new EcsCallException(action, EcsCallException.Kind.MALFORMED, "InvalidResponse",
                    "the answer is not valid ECS JSON: " + redactor.apply(clip(detail)), null, response.getStatus());
        }
    }

    /** Sends a signed request; returns a successful JSON answer or throws what went wrong. */
    private HttpResponse send(String action, AcsRequest<?> request, Duration timeout) throws EcsCallException {
        if (Thread.currentThread().isInterrupted()) {
            throw new EcsCallException(action, EcsCallException.Kind.CANCELLED, "Cancelled", "the collection was cancelled", null, 0);
        }
        if (endpoint.overridden()) {
            request.setSysEndpoint(endpoint.hostPort());
        }
        request.setSysProtocol(endpoint.https() ? ProtocolType.HTTPS : ProtocolType.HTTP);
        request.setSysAcceptFormat(FormatType.JSON);
        int ms = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        request.setSysConnectTimeout(ms);
        request.setSysReadTimeout(ms);
        calls.incrementAndGet();
        HttpResponse response;
        try {
            response = client.doAction(request);
        } catch (ClientException e) {
            throw transportFailure(action, e, ms);
        }
        if (!response.isSuccess()) {
            throw serviceError(action, response);
        }
        if (response.getHttpContentType() != FormatType.JSON) {
            throw new EcsCallException(action, EcsCallException.Kind.MALFORMED, "InvalidResponse",
                    "the answer is not JSON (Content-Type: " + clip(response.getHeaderValue("Content-Type")) + ")",
                    null, response.getStatus());
        }
        return response;
    }

    /**
     * What a console or screenshot answer held. The payload itself went to the target file.
     *
     * @param requestId      the service's request id
     * @param lastUpdateTime {@code LastUpdateTime} as returned (console output only), or null
     * @param bytes          decoded bytes written to the target; -1 when the payload was undecodable
     * @param undecodable    why the payload could not be decoded (it was then kept as received), or null
     */
    public record PayloadAnswer(String requestId, String lastUpdateTime, long bytes, String undecodable) {
    }

    /**
     * GetInstanceConsoleOutput, with {@code ConsoleOutput} decoded straight into {@code target}
     * (replaced whole, or not at all). An undecodable payload is kept as received in {@code undecodable}.
     */
    public PayloadAnswer consoleOutputTo(String instanceId, Duration timeout, Path target, Path undecodable)
            throws EcsCallException, IOException {
        GetInstanceConsoleOutputRequest r = new GetInstanceConsoleOutputRequest();
        r.setInstanceId(instanceId);
        return payload(CONSOLE_OUTPUT, r, "ConsoleOutput", timeout, target, undecodable);
    }

    /** GetInstanceScreenshot, with {@code Screenshot} decoded straight into {@code target}; see {@link #consoleOutputTo}. */
    public PayloadAnswer screenshotTo(String instanceId, Duration timeout, Path target, Path undecodable)
            throws EcsCallException, IOException {
        GetInstanceScreenshotRequest r = new GetInstanceScreenshotRequest();
        r.setInstanceId(instanceId);
        // a crashed kernel's console may have blanked the display; wake it to see the last screen
        r.setWakeUp(true);
        return payload(SCREENSHOT, r, "Screenshot", timeout, target, undecodable);
    }

    /**
     * Reads a payload answer with a streaming parser: the Base64 field is decoded from the
     * parser's own character buffer into the file, never copied into a String, and the SDK's
     * reader (slow, and unbounded on malformed input) is not involved.
     */
    private PayloadAnswer payload(String action, AcsRequest<?> request, String field, Duration timeout, Path target,
                                  Path undecodable) throws EcsCallException, IOException {
        HttpResponse response = send(action, request, timeout);
        Path part = target.resolveSibling(target.getFileName() + ".fetch");
        String requestId = null;
        String lastUpdateTime = null;
        long bytes = 0;
        String bad = null;
        boolean sawField = false;
        try (JsonParser p = PAYLOAD_JSON.createParser(response.getHttpContent())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new JsonParseException(p, "the answer is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals(field) && value == JsonToken.VALUE_STRING) {
                    sawField = true;
                    CharSequence chars = CharBuffer.wrap(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                    try {
                        bytes = Base64Payload.decodeTo(chars, part);
                    } catch (MalformedPayloadException e) {
                        bad = e.getMessage();
                        bytes = -1;
                        try (Writer w = Files.newBufferedWriter(undecodable, StandardCharsets.UTF_8)) {
                            w.append(chars);
                        }
                    }
                } else if (name.equals("RequestId")) {
                    requestId = p.getValueAsString();
                } else if (name.equals("LastUpdateTime")) {
                    lastUpdateTime = p.getValueAsString();
                } else {
                    p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw new JsonParseException(p, "unexpected content after the answer");
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            Files.deleteIfExists(part);
            String m = e.getOriginalMessage();
            throw new EcsCallException(action, EcsCallException.Kind.MALFORMED, "InvalidResponse",
                    "the answer is not valid ECS JSON: " + clip(m == null ? e.getClass().getSimpleName() : m), requestId,
                    response.getStatus());
        }
        if (bad == null) {
            if (!sawField) {
                Files.write(part, new byte[0]); // no output yet: an empty log, not an error
            }
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return new PayloadAnswer(requestId, lastUpdateTime, bytes, bad);
    }


    /** Why {@code body} is not one complete JSON object, or null when it is. Streams: no tree is built. */
    static String jsonProblem(byte[] body) {
        if (body == null || body.length == 0) {
            return "the answer is empty";
        }
        try (com.fasterxml.jackson.core.JsonParser p = JSON.getFactory().createParser(body)) {
            if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                return "the answer is not a JSON object";
            }
            p.skipChildren();
            if (p.currentToken() != com.fasterxml.jackson.core.JsonToken.END_OBJECT || p.nextToken() != null) {
                return "the answer has trailing data after the JSON object";
            }
            return null;
        } catch (IOException e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            int nl = m.indexOf('\n');
            return clip(nl > 0 ? m.substring(0, nl) : m);
        }
    }

    private EcsCallException transportFailure(String action, ClientException e, int timeoutMs) {
        Throwable cause = e.getCause();
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException) {
                return new EcsCallException(action, EcsCallException.Kind.TIMEOUT, "SDK.ReadTimeout",
                        "no answer from " + endpoint.describe(region) + " within " + timeoutMs + " ms", null, 0);
            }
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof InterruptedIOException || Thread.currentThread().isInterrupted()) {
                return new EcsCallException(action, EcsCallException.Kind.CANCELLED, "Cancelled", "the collection was cancelled", null, 0);
            }
        }
        if (cause instanceof IOException) {
            // The SDK's own message carries the signed URL; say it in our words instead.
            String why = cause instanceof ConnectException ? "connection refused" : describe(cause);
            return new EcsCallException(action, EcsCallException.Kind.CONNECTION, "SDK.ServerUnreachable",
                    "cannot reach " + endpoint.describe(region) + ": " + redactor.apply(why), null, 0);
        }
        String code = e.getErrCode() == null ? "SDK.ClientError" : e.getErrCode();
        return new EcsCallException(action, EcsCallException.Kind.REJECTED, code, redactor.apply(clip(e.getErrMsg())), e.getRequestId(), 0);
    }

    private static String describe(Throwable t) {
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null ? "" : " (" + clip(m) + ")");
    }

    private EcsCallException serviceError(String action, HttpResponse response) {
        int status = response.getStatus();
        String code = null;
        String message = null;
        String requestId = null;
        byte[] body = response.getHttpContent();
        if (body != null && body.length > 0) {
            try {
                JsonNode node = JSON.readTree(body);
                code = text(node, "Code");
                message = text(node, "Message");
                requestId = text(node, "RequestId");
            } catch (IOException | RuntimeException ignored) {
                // not JSON: the status decides below
            }
        }
        if (code == null) {
            code = "HTTP" + status;
            message = "HTTP " + status + " " + (response.getReasonPhrase() == null ? "" : response.getReasonPhrase()) + " without an ECS error body";
        }
        EcsCallException.Kind kind;
        if (status == 429 || code.startsWith("Throttling")) {
            kind = EcsCallException.Kind.THROTTLED;
        } else if (status >= 500) {
            kind = EcsCallException.Kind.SERVER;
        } else {
            kind = EcsCallException.Kind.REJECTED;
        }
        return new EcsCallException(action, kind, code, redactor.apply(clip(message)), requestId, status);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String clip(String s) {
        if (s == null) {
            return "";
        }
        return s.length() > 500 ? s.substring(0, 500) + "..." : s;
    }

    private static String toJsonArray(List<String> ids) {
        try {
            return JSON.writeValueAsString(ids);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        client.shutdown();
    }

    /** The SDK client, with its response reader opened up: we send with doAction to see the HTTP status. */
    private static final class Client extends DefaultAcsClient {
        Client(IClientProfile profile, AlibabaCloudCredentialsProvider credentials) {
            super(profile, credentials);
        }

        <T extends AcsResponse> T read(Class<T> type, HttpResponse response) throws ClientException {
            return readResponse(type, response, response.getHttpContentType());
        }
    }
}
