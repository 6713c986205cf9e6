package dev.livecue.core.webhook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;

/**
 * The Standard Webhooks headers of one attempt, signed by the reference library: {@code webhook-signature} holds
 * one {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">} per secret, space-separated, so a receiver that holds
 * either secret during a rotation can verify.
 */
final class Signatures {

    static final String ID = "webhook-id";
    static final String TIMESTAMP = "webhook-timestamp";
    static final String SIGNATURE = "webhook-signature";

    private Signatures() {
    }

    static Map<String, String> headers(String messageId, long timestampSeconds, String body, List<String> secrets) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ID, messageId);
        headers.put(TIMESTAMP, Long.toString(timestampSeconds));
        headers.put(SIGNATURE, secrets.stream().map(secret -> sign(secret, messageId, timestampSeconds, body))
                .collect(Collectors.joining(" ")));
        return headers;
    }

    private static String sign(String secret, String messageId, long timestampSeconds, String body) {
        try {
            return new Webhook(secret).sign(messageId, timestampSeconds, body);
        } catch (WebhookSigningException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JVM", e);
        }
    }
}
