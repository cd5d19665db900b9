package dev.ecsdiag.ecs;

import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.CallBack;
import com.aliyuncs.http.FormatType;
import com.aliyuncs.http.HttpClientConfig;
import com.aliyuncs.http.HttpRequest;
import com.aliyuncs.http.HttpResponse;
import com.aliyuncs.http.IHttpClient;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The SDK's HTTP transport for one collection, on the JDK's own HTTP client.
 *
 * <p>Why not the SDK's clients: its Apache client is a JVM-wide singleton whose first user's
 * settings (pool size, proxies) win for everybody, so two collections side by side would leak
 * into each other; its URLConnection client moves the query into a form body. This one belongs
 * to a single collection, sends requests as the SDK signed them, bounds each call as a whole
 * (connection, headers and body) by the request's read timeout, and stops when the calling thread
 * is interrupted.
 */
public final class JdkHttpTransport extends IHttpClient {

    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");
    private static final int DEFAULT_TIMEOUT_MS = 10_000;

    private final HttpClient http;

    public JdkHttpTransport(HttpClientConfig config, Duration connectTimeout, ProxySelector proxy) throws ClientException {
        super(config);
        HttpClient.Builder b = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout);
        b.proxy(proxy == null ? HttpClient.Builder.NO_PROXY : proxy);
        this.http = b.build();
    }

    /**
     * The proxy for an endpoint, as the SDK would pick it: {@code HTTPS_PROXY}/{@code HTTP_PROXY}
     * unless the host is loopback or listed in {@code NO_PROXY}. Returns null for no proxy.
     */
    public static ProxySelector proxyFor(EcsEndpoint endpoint, Map<String, String> env) {
        if (endpoint.overridden() && EcsEndpoint.isLoopback(endpoint.hostPort())) {
            return null;
        }
        String proxy = endpoint.https() ? firstSet(env, "HTTPS_PROXY", "https_proxy") : firstSet(env, "HTTP_PROXY", "http_proxy");
        if (proxy == null) {
            return null;
        }
        String noProxy = firstSet(env, "NO_PROXY", "no_proxy");
        if (noProxy != null && endpoint.overridden()) {
            String host = endpoint.hostPort().replaceFirst(":[0-9]+$", "");
            for (String entry : noProxy.split(",")) {
                if (entry.strip().equalsIgnoreCase(host)) {
                    return null;
                }
            }
        }
        try {
            URI uri = URI.create(proxy.contains("://") ? proxy : "http://" + proxy);
            int port = uri.getPort() > 0 ? uri.getPort() : 80;
            return ProxySelector.of(InetSocketAddress.createUnresolved(uri.getHost(), port));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String firstSet(Map<String, String> env, String... names) {
        for (String n : names) {
            String v = env.get(n);
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    @Override
    protected void init(HttpClientConfig clientConfig) {
        // everything is set up in the constructor
    }

    @Override
    public HttpResponse syncInvoke(HttpRequest request) throws IOException {
        String url = request.getSysUrl();
        byte[] body = request.getHttpContent();
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(URI.create(url))
                .method(request.getSysMethod().toString(),
                        body == null || body.length == 0
                                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                                : java.net.http.HttpRequest.BodyPublishers.ofByteArray(body));
        for (Map.Entry<String, String> h : request.getSysHeaders().entrySet()) {
            if (h.getValue() != null && !RESTRICTED.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                b.setHeader(h.getKey(), h.getValue());
            }
        }
        if (request.getHeaderValue("Content-Type") == null) {
            String type = request.getContentTypeValue(request.getHttpContentType(), request.getSysEncoding());
            if (type != null) {
                b.setHeader("Content-Type", type);
            }
        }
        b.setHeader("Accept-Encoding", "identity");
        int timeoutMs = request.getSysReadTimeout() != null && request.getSysReadTimeout() > 0
                ? request.getSysReadTimeout() : DEFAULT_TIMEOUT_MS;

        CompletableFuture<java.net.http.HttpResponse<byte[]>> future =
                http.sendAsync(b.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        java.net.http.HttpResponse<byte[]> answer;
        try {
            answer = future.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new SocketTimeoutException("no complete answer within " + timeoutMs + " ms");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the answer");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                SocketTimeoutException t = new SocketTimeoutException("no answer within the timeout: " + cause.getMessage());
                t.initCause(cause);
                throw t;
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException("HTTP call failed: " + cause, cause);
        }
        return toSdkResponse(url, answer);
    }

    private static HttpResponse toSdkResponse(String url, java.net.http.HttpResponse<byte[]> answer) {
        HttpResponse response = new HttpResponse(url);
        response.setStatus(answer.statusCode());
        for (Map.Entry<String, List<String>> h : answer.headers().map().entrySet()) {
            if (h.getKey() != null && !h.getKey().startsWith(":")) {
                response.putHeaderParameter(h.getKey(), String.join(",", h.getValue()));
            }
        }
        String encoding = "UTF-8";
        FormatType format = null;
        String type = answer.headers().firstValue("Content-Type").orElse(null);
        if (type != null) {
            String[] parts = type.split(";");
            format = FormatType.mapAcceptToFormat(parts[0].trim());
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].trim();
                if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                    encoding = p.substring(8).trim().toUpperCase(Locale.ROOT);
                }
            }
        }
        response.setHttpContent(answer.body(), encoding, format);
        return response;
    }

    @Override
    public Future<HttpResponse> asyncInvoke(HttpRequest apiRequest, CallBack callback) {
        throw new UnsupportedOperationException("ecsdiag calls synchronously");
    }

    @Override
    @Deprecated // as in the SDK: certificates are configured, never switched off at run time
    public void ignoreSSLCertificate() {
        throw new UnsupportedOperationException("certificates are always checked");
    }

    @Override
    @Deprecated
    public void restoreSSLCertificate() {
        // certificates are always checked
    }

    @Override
    public boolean isSingleton() {
        return false;
    }

    @Override
    public void close() {
        // the JDK client releases its connections when it is no longer referenced
    }
}
