package dev.livecue.bench;

/** Settings for the JDK's HTTP server that the benchmark's loopback receivers run on. */
final class LoopbackSockets {

    private LoopbackSockets() {
    }

    /**
     * Turns Nagle's algorithm off for the JDK HTTP server's sockets (read when the first server is created).
     * Without it, small request/response pairs wait on delayed ACKs, adding tens of milliseconds per call that
     * would be charged to the function under test.
     */
    static void noDelay() {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }
}
