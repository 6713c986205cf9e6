package dev.livecue.core.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.Closer;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Posts signed webhooks. The client resolves host names through {@link WebhookTargets#resolve}, so the addresses it
 * dials are exactly the ones the SSRF rules passed (no second lookup that DNS rebinding could answer differently).
 * It follows no redirects, never retries by itself (the dispatcher's schedule does), uses no proxy or cookies,
 * gives a connection 5 s and a whole attempt 15 s, and reads at most a few KB of an answer.
 */
@ApplicationScoped
public class WebhookHttp {

    static final Timeout CONNECT_TIMEOUT = Timeout.ofSeconds(5);
    static final Timeout ATTEMPT_TIMEOUT = Timeout.ofSeconds(15);
    private static final int DRAINED_BYTES = 16 * 1024;

    private final CloseableHttpClient client;
    private final ScheduledExecutorService deadlines;

    WebhookHttp(WebhookTargets targets, WebhookConfig config) {
        SystemDefaultDnsResolver checkedDns = new SystemDefaultDnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                return targets.resolve(host);
            }
        };
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(checkedDns)
                        .setMaxConnTotal(2 * config.concurrency())
                        .setMaxConnPerRoute(config.concurrency())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(CONNECT_TIMEOUT)
                                .setSocketTimeout(ATTEMPT_TIMEOUT)
                                .setTimeToLive(TimeValue.ofMinutes(1))
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(CONNECT_TIMEOUT)
                        .setResponseTimeout(ATTEMPT_TIMEOUT)
                        .setRedirectsEnabled(false)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent("Livecue-Webhooks/1.0")
                .build();
        this.deadlines = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "webhook-deadlines");
            thread.setDaemon(true);
            return thread;
        });
    }

    HttpResult post(URI url, Map<String, String> headers, byte[] body) {
        HttpPost post;
        try {
            post = new HttpPost(url);
        } catch (IllegalArgumentException e) {
            // a URL the client cannot dial (one stored before its rules covered it): a failed attempt like any
            // other, retried and dead-lettered in the open, not a job that fails on it every tick
            return HttpResult.failed("the URL cannot be called: " + e.getMessage(), 0);
        }
        headers.forEach(post::setHeader);
        post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        // The timeouts above bound each wait; this bounds the whole attempt, against a receiver that trickles.
        ScheduledFuture<?> deadline = deadlines.schedule(post::cancel, ATTEMPT_TIMEOUT.toMilliseconds(), TimeUnit.MILLISECONDS);
        long started = System.nanoTime();
        try {
            ClassicHttpResponse response = client.executeOpen(null, post, null);
            Header retryAfter = response.getFirstHeader("Retry-After");
            HttpResult result = HttpResult.answered(response.getCode(), retryAfter == null ? null : retryAfter.getValue(),
                    millisSince(started));
            discardBody(post, response);
            return result;
        } catch (IOException e) {
            return HttpResult.failed(post.isCancelled() ? "no answer within " + ATTEMPT_TIMEOUT.toSeconds() + " s"
                    : describe(e), millisSince(started));
        } finally {
            deadline.cancel(false);
        }
    }

    /**
     * Reads a short answer to its end, so its connection can serve the next delivery, and drops the connection of a
     * long one instead of reading on. The status is what counts, so a failure here changes nothing.
     */
    private static void discardBody(HttpPost post, ClassicHttpResponse response) {
        try {
            HttpEntity entity = response.getEntity();
            if (entity != null && !readsToEnd(entity.getContent())) {
                post.cancel();
            }
        } catch (IOException | RuntimeException e) {
            post.cancel();
        } finally {
            Closer.closeQuietly(response);
        }
    }

    private static boolean readsToEnd(InputStream in) throws IOException {
        byte[] buffer = new byte[4096];
        int total = 0;
        while (total <= DRAINED_BYTES) {
            int read = in.read(buffer);
            if (read < 0) {
                return true;
            }
            total += read;
        }
        return false;
    }

    private static String describe(IOException e) {
        if (e instanceof WebhookTargets.BlockedAddressException) {
            return "blocked: " + e.getMessage();
        }
        if (e instanceof UnknownHostException) {
            return "the host does not resolve: " + e.getMessage();
        }
        if (e instanceof ConnectTimeoutException) {
            return "no connection within " + CONNECT_TIMEOUT.toSeconds() + " s";
        }
        if (e instanceof HttpHostConnectException) {
            return "connection refused";
        }
        if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
            return "no answer within " + ATTEMPT_TIMEOUT.toSeconds() + " s";
        }
        if (e instanceof SSLException) {
            return "TLS failed: " + e.getMessage();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static long millisSince(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }

    @PreDestroy
    void close() throws IOException {
        deadlines.shutdownNow();
        client.close();
    }
}
