package dev.livecue.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged local stack started exactly as the README says ({@code java -jar .../quarkus-run.jar}) on a free
 * port, with the dispatcher ticking every second, for tests that drive it from outside (integration and browser
 * tests). It reads the admin token the stack prints; closing it stops the stack with SIGTERM and fails when a
 * child process (DynamoDB Local) is left behind.
 */
public final class LocalStackProcess implements AutoCloseable {

    /** Where the build puts the packaged local stack; failsafe passes it to the tests. */
    public static final String JAR_PROPERTY = "livecue.local.jar";
    private static final Pattern TOKEN = Pattern.compile("Admin token \\(generated[^)]*\\): (\\S+)");
    private static final Pattern LISTENING = Pattern.compile("Listening on: http://");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final String baseUri;
    private final String adminToken;

    private LocalStackProcess(Path jar, int port) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()).redirectErrorStream(true);
        builder.environment().remove("LIVECUE_ADMIN_TOKEN");
        builder.environment().put("LIVECUE_PORT", Integer.toString(port));
        builder.environment().put("LIVECUE_LOCAL_TICK", "1s");
        this.process = builder.start();
        this.baseUri = "http://127.0.0.1:" + port;
        Thread reader = new Thread(this::collectOutput, "local-stack-output");
        reader.setDaemon(true);
        reader.start();
        String token;
        try {
            token = awaitOutput(TOKEN, START_TIMEOUT).group(1);
            // the token is printed while the stack starts; requests wait for the HTTP server
            awaitOutput(LISTENING, START_TIMEOUT);
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
        this.adminToken = token;
    }

    /** Starts the jar named by the {@value #JAR_PROPERTY} system property and waits until it serves. */
    public static LocalStackProcess startPackaged() {
        String jar = System.getProperty(JAR_PROPERTY);
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("No packaged local stack at " + JAR_PROPERTY + "=" + jar
                    + ": build it through the reactor (./mvnw -B verify -pl infra/local -am)");
        }
        try {
            return new LocalStackProcess(Path.of(jar), freePort());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + jar, e);
        }
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public String baseUri() {
        return baseUri;
    }

    /** The admin token the stack generated and printed at start (for {@code POST /v1/creators}). */
    public String adminToken() {
        return adminToken;
    }

    /** The stack's own process, e.g. to look at its children (DynamoDB Local runs as one). */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** Waits for a line of the stack's output (console log) matching the pattern; fails with the output so far. */
    public Matcher awaitOutput(Pattern pattern, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            for (String line : output) {
                Matcher matcher = pattern.matcher(line);
                if (matcher.find()) {
                    return matcher;
                }
            }
            if (!process.isAlive()) {
                break;
            }
            pause();
        }
        throw new AssertionError("no line matching " + pattern + " within " + timeout + "; output:\n" + String.join("\n", output));
    }

    /** Stops the stack with SIGTERM, as Ctrl+C would, and checks that it and every child process ended. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("local stack did not stop on SIGTERM within " + STOP_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while stopping the local stack", e);
        }
        ProcessTrees.awaitExit(children, STOP_TIMEOUT, "a child process of the local stack");
    }

    private void collectOutput() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            lines.lines().forEach(output::add);
        } catch (IOException ignored) {
            // the process ended
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the local stack", e);
        }
    }
}
