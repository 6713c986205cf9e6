package dev.livecue.core.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a remembered response body (AES-256-GCM) under a key derived from the client's own {@code Idempotency-Key},
 * which is never stored (the record is found by a SHA-256 of it). A replay of {@code POST /v1/api-keys} or
 * {@code POST /v1/webhooks} answers the secret again, so the stored answer holds it; sealed, what sits in DynamoDB
 * for those 24 hours does not give it away: only a caller sending the same key can read it, as strong as the key
 * is random (clients send UUIDs).
 */
final class ResponseSeal {

    /** Marks a sealed body; a body without it was stored in the clear, before sealing, and is answered as it is. */
    static final String PREFIX = "sealed.v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ResponseSeal() {
    }

    /** The sealing key of one idempotency record: an HMAC of where it applies, keyed by the client's key. */
    static SecretKey key(String idempotencyKey, String scope, String method, String endpoint) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(idempotencyKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] derived = mac.doFinal(("livecue idempotent response\n" + scope + "\n" + method + " " + endpoint)
                    .getBytes(StandardCharsets.UTF_8));
            return new SecretKeySpec(derived, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }

    /** The body sealed under {@code key}, bound to its record ({@code recordId}); null stays null. */
    static String seal(SecretKey key, String recordId, String body) {
        if (body == null) {
            return null;
        }
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, key, iv, recordId, body.getBytes(StandardCharsets.UTF_8));
        byte[] out = new byte[IV_BYTES + sealed.length];
        System.arraycopy(iv, 0, out, 0, IV_BYTES);
        System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
        return PREFIX + Base64.getEncoder().encodeToString(out);
    }

    /** The body {@link #seal} sealed; fails if it was sealed under another key or for another record. */
    static String open(SecretKey key, String recordId, String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        byte[] body = crypt(Cipher.DECRYPT_MODE, key, Arrays.copyOfRange(in, 0, IV_BYTES), recordId,
                Arrays.copyOfRange(in, IV_BYTES, in.length));
        return new String(body, StandardCharsets.UTF_8);
    }

    private static byte[] crypt(int mode, SecretKey key, byte[] iv, String recordId, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(recordId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A remembered response could not be sealed or opened with its key", e);
        }
    }
}
