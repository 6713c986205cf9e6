package dev.livecue.dynamodblocal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A DynamoDB Local server running as its own JVM on a free loopback port.
 *
 * <p>It runs in a separate process because DynamoDB Local and Quarkus clash over log4j in one JVM. The child
 * watches its standard input and exits when it closes, so it dies with the JVM that started it even when that
 * one is killed with -9; {@link #close()} stops it at once.
 */
public final class DynamoDbLocal implements AutoCloseable {

    /** Where the staged jars and native libraries are; overrides the location recorded at build time. */
    public static final String STAGING_DIR_ENV = "LIVECUE_DYNAMODB_LOCAL_DIR";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final int port;
    private final Path log;
    private final Optional<Path> dbPath;

    private DynamoDbLocal(Process process, int port, Path log, Optional<Path> dbPath) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.dbPath = dbPath;
    }

    /** Starts an in-memory server. */
    public static DynamoDbLocal startInMemory() {
        return start(Optional.empty());
    }

    /**
     * Starts a server; with a database folder the data is kept in files there and survives a restart,
     * without one it lives in memory.
     */
    public static DynamoDbLocal start(Optional<Path> dbPath) {
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return launch(freePort(), dbPath);
            } catch (IOException e) {
                last = e; // most often the free port was taken between probing and binding: try another
            }
        }
        throw new UncheckedIOException("DynamoDB Local did not start", last);
    }

    private static DynamoDbLocal launch(int port, Optional<Path> dbPath) throws IOException {
        Path staging = stagingDir();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-XX:+UseSerialGC");
        command.add("-Dsqlite4java.library.path=" + staging);
        command.add("-cp");
        command.add(staging + File.separator + "*" + File.pathSeparator + ownCodeLocation());
        command.add(DynamoDbLocalProcessMain.class.getName());
        command.add("-port");
        command.add(Integer.toString(port));
        // It would try to send usage data to AWS from every test run and local stack; there is no one to send it to.
        command.add("-disableTelemetry");
        if (dbPath.isPresent()) {
            Files.createDirectories(dbPath.get());
            command.add("-dbPath");
            command.add(dbPath.get().toAbsolutePath().toString());
            command.add("-sharedDb");
        } else {
            command.add("-inMemory");
        }
        Path log = Files.createTempFile("dynamodb-local-" + port + "-", ".log");
        // DynamoDB Local writes a metadata file into its working directory: keep it out of the caller's tree.
        Path workDir = dbPath.isPresent() ? dbPath.get() : Files.createTempDirectory("dynamodb-local-" + port + "-");
        Process process = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        DynamoDbLocal server = new DynamoDbLocal(process, port, log, dbPath);
        server.awaitListening();
        return server;
    }

    /**
     * Stops this server and starts a new one on the same port and database folder, as an outage of DynamoDB would
     * look to its clients: refused connections, then the same endpoint answering again (with the data kept when
     * the server is file-backed).
     */
    public DynamoDbLocal restart() {
        close();
        IOException last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            try {
                return launch(port, dbPath);
            } catch (IOException e) {
                last = e; // the port may not be free again yet
                sleep(250);
            }
        }
        throw new UncheckedIOException("DynamoDB Local did not start again on port " + port, last);
    }

    public int port() {
        return port;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    private void awaitListening() throws IOException {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("DynamoDB Local exited with " + process.exitValue() + ": " + Files.readString(log));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep(100);
            }
        }
        close();
        throw new IOException("DynamoDB Local did not listen on port " + port + " within " + STARTUP_TIMEOUT);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // a leftover temp log is harmless
        }
    }

    static Path stagingDir() {
        String override = System.getenv(STAGING_DIR_ENV);
        Path dir;
        if (override != null && !override.isBlank()) {
            dir = Path.of(override);
        } else {
            Properties props = new Properties();
            try (InputStream in = DynamoDbLocal.class.getResourceAsStream("/livecue-dynamodb-local.properties")) {
                props.load(in);
            } catch (IOException | NullPointerException e) {
                throw new IllegalStateException("livecue-dynamodb-local.properties is missing from the classpath", e);
            }
            dir = Path.of(props.getProperty("stagingDir"));
        }
        if (!Files.isRegularFile(dir.resolve("DynamoDBLocal-2.6.1.jar"))) {
            throw new IllegalStateException("DynamoDB Local is not staged in " + dir
                    + ": build it with ./mvnw -pl infra/dynamodb-local/dist generate-resources, or set " + STAGING_DIR_ENV);
        }
        return dir;
    }

    private static String ownCodeLocation() {
        try {
            return Path.of(DynamoDbLocal.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for DynamoDB Local", e);
        }
    }
}
