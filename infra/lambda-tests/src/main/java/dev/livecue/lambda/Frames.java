package dev.livecue.lambda;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Optional;

/**
 * The pipe protocol between {@link LambdaZipInvoker} and {@link LambdaRuntimeMain}: the parent writes one event
 * per frame to the child's stdin; the child answers on its stdout (the function's own output is moved to stderr)
 * with one reply per frame. Both sides are in this class so they cannot drift apart.
 */
final class Frames {

    /** What a reply is about. */
    enum Kind {
        /** The handler was loaded and constructed (the runtime's init phase); {@code nanos} is how long it took. */
        READY,
        /** The handler returned; {@code payload} is what it wrote. */
        RESULT,
        /** Loading or invoking the handler threw; {@code payload} is the stack trace. */
        ERROR
    }

    /** One reply of the child. {@code peakRssKb} is the child's peak resident memory so far, -1 if unknown. */
    record Reply(Kind kind, long nanos, long peakRssKb, byte[] payload) {
    }

    private Frames() {
    }

    static void writeEvent(DataOutputStream out, String requestId, byte[] event) throws IOException {
        out.writeUTF(requestId);
        out.writeInt(event.length);
        out.write(event);
        out.flush();
    }

    /** The next event and its request id, or empty when the parent closed the pipe. */
    static Optional<Event> readEvent(DataInputStream in) throws IOException {
        String requestId;
        try {
            requestId = in.readUTF();
        } catch (EOFException closed) {
            return Optional.empty();
        }
        byte[] event = new byte[in.readInt()];
        in.readFully(event);
        return Optional.of(new Event(requestId, event));
    }

    record Event(String requestId, byte[] payload) {
    }

    static void writeReply(DataOutputStream out, Reply reply) throws IOException {
        out.writeUTF(reply.kind().name());
        out.writeLong(reply.nanos());
        out.writeLong(reply.peakRssKb());
        out.writeInt(reply.payload().length);
        out.write(reply.payload());
        out.flush();
    }

    static Reply readReply(DataInputStream in) throws IOException {
        Kind kind = Kind.valueOf(in.readUTF());
        long nanos = in.readLong();
        long rss = in.readLong();
        byte[] payload = new byte[in.readInt()];
        in.readFully(payload);
        return new Reply(kind, nanos, rss, payload);
    }
}
