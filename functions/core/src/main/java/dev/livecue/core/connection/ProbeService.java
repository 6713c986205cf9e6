package dev.livecue.core.connection;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;

import jakarta.enterprise.context.ApplicationScoped;

import dev.livecue.core.error.ApiException;
import dev.livecue.core.error.ProblemType;

/**
 * The payloads the companion app times to measure download and upload. Download bytes are random, so no
 * compression anywhere on the path can make the link look faster than it is.
 */
@ApplicationScoped
public class ProbeService {

    /** 4 MiB: enough for a few seconds of a phone's uplink, and (base64 in a Lambda event) under Lambda's 6 MB. */
    public static final int MAX_BYTES = 4 * 1024 * 1024;
    private static final int CHUNK = 64 * 1024;

    /** What the server saw of an upload probe; {@code serverMs} lets the app subtract our side from its timing. */
    public record UploadResult(long receivedBytes, long serverMs) {
    }

    /** {@code bytes} random bytes; {@code bytes} is the raw query parameter, 0 to {@link #MAX_BYTES}. */
    public byte[] download(String bytes) {
        int size = bytes != null && bytes.matches("\\d{1,8}") ? Integer.parseInt(bytes) : -1;
        if (size < 0 || size > MAX_BYTES) {
            throw ApiException.invalid("bytes", "must be a whole number from 0 to " + MAX_BYTES);
        }
        byte[] payload = new byte[size];
        new SplittableRandom().nextBytes(payload); // not a secret: speed matters, SecureRandom would be the bottleneck
        return payload;
    }

    /** Reads and discards an upload probe of at most {@link #MAX_BYTES}; a larger one is refused with a 413. */
    public UploadResult upload(InputStream body) {
        long started = System.nanoTime();
        long received = 0;
        byte[] buffer = new byte[CHUNK];
        try (InputStream in = body) {
            for (int read; in != null && (read = in.read(buffer)) != -1;) {
                received += read;
                if (received > MAX_BYTES) {
                    throw new ApiException(ProblemType.PAYLOAD_TOO_LARGE, "An upload probe is at most " + MAX_BYTES + " bytes");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new UploadResult(received, (System.nanoTime() - started) / 1_000_000);
    }
}
