package dev.livecue.lambda;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.amazonaws.services.lambda.runtime.Context;

/**
 * Runs a packaged {@code function.zip} the way the AWS Lambda Java runtime does, one warm execution environment
 * per instance: the zip is unzipped into a fresh task root, a child JVM is started there with the runtime's JVM
 * options and an environment holding only Lambda's reserved variables plus the function's own, and
 * {@link LambdaRuntimeMain} loads the handler through the zip's class loader layout (the init phase) and calls
 * {@code handleRequest(InputStream, OutputStream, Context)} once per {@link #invoke}.
 *
 * <pre>{@code
 * try (LambdaZipInvoker lambda = LambdaZipInvoker.start(function)) {
 *     Duration init = lambda.initDuration();
 *     Invocation first = lambda.invoke(eventJson);   // first call: Quarkus starts here
 * }
 * }</pre>
 *
 * Durations and peak memory are measured in the child, for cold-start comparisons on one machine; they are not
 * Lambda's numbers. The function's timeout is given to the {@link Context} but not enforced: a hung function fails
 * after {@link #HUNG_AFTER}, since timing on a shared build machine says nothing about Lambda.
 */
public final class LambdaZipInvoker implements AutoCloseable {

    /** How long an init or an invocation may take before the harness gives up on the child. */
    public static final Duration HUNG_AFTER = Duration.ofMinutes(2);
    /** JDK to run the function on (for example a Java 21 one, Lambda's runtime); default: the running JDK. */
    public static final String JAVA_HOME_PROPERTY = "livecue.lambda.java-home";
    /**
     * Extra JVM options for the function's JVM, space-separated, for profiling a run (for example
     * {@code -XX:StartFlightRecording=filename=/tmp/f.jfr}); not something Lambda adds. Default: none.
     */
    public static final String EXTRA_JVM_OPTIONS_PROPERTY = "livecue.lambda.extra-jvm-options";
    /** The share of the memory size the Lambda Java runtime gives the heap ({@code -XX:MaxHeapSize}). */
    private static final double HEAP_SHARE = 0.85;

    /** What one invocation returned, how long {@code handleRequest} took, and the child's peak RSS so far. */
    public record Invocation(byte[] payload, Duration duration, long peakRssKb) {

        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    /** The handler could not be loaded, or threw; the message carries its stack trace and the log's tail. */
    public static final class LambdaFailedException extends RuntimeException {
        LambdaFailedException(String message) {
            super(message);
        }
    }

    private final LambdaFunction function;
    private final Path taskRoot;
    private final Path log;
    private final Process process;
    private final DataOutputStream events;
    private final DataInputStream replies;
    private final ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "lambda-reply-reader");
        thread.setDaemon(true);
        return thread;
    });
    private Frames.Reply init;

    private LambdaZipInvoker(LambdaFunction function, Path taskRoot, Path log, Process process) {
        this.function = function;
        this.taskRoot = taskRoot;
        this.log = log;
        this.process = process;
        this.events = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
        this.replies = new DataInputStream(new BufferedInputStream(process.getInputStream()));
    }

    /** Unzips the function, starts its execution environment and waits for the end of its init phase. */
    public static LambdaZipInvoker start(LambdaFunction function) {
        Path taskRoot = null;
        try {
            taskRoot = Files.createTempDirectory("lambda-" + function.name() + "-");
            unzip(function.zip(), taskRoot);
            Path log = Files.createTempFile("lambda-" + function.name() + "-", ".log");
            ProcessBuilder builder = new ProcessBuilder(command(function))
                    .directory(taskRoot.toFile())
                    .redirectError(log.toFile());
            builder.environment().clear();
            builder.environment().putAll(environment(function, taskRoot));
            Process process = builder.start();
            LambdaZipInvoker invoker = new LambdaZipInvoker(function, taskRoot, log, process);
            invoker.awaitInit();
            return invoker;
        } catch (IOException e) {
            deleteTree(taskRoot);
            throw new UncheckedIOException(e);
        }
    }

    private void awaitInit() {
        Frames.Reply reply = await();
        if (reply.kind() != Frames.Kind.READY) {
            String failure = failure("init failed", reply);
            close();
            throw new LambdaFailedException(failure);
        }
        init = reply;
    }

    /** How long loading, initializing and constructing the handler took (Lambda's "Init Duration"). */
    public Duration initDuration() {
        return Duration.ofNanos(init.nanos());
    }

    /** Peak resident memory of the execution environment after its init phase, in KiB (-1 if unknown). */
    public long initPeakRssKb() {
        return init.peakRssKb();
    }

    /** Calls the handler with one event (JSON) and returns what it wrote. */
    public Invocation invoke(String event) {
        try {
            Frames.writeEvent(events, UUID.randomUUID().toString(), event.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new LambdaFailedException("the execution environment is gone: " + e + "\n" + logTail());
        }
        Frames.Reply reply = await();
        if (reply.kind() != Frames.Kind.RESULT) {
            throw new LambdaFailedException(failure("the handler threw", reply));
        }
        return new Invocation(reply.payload(), Duration.ofNanos(reply.nanos()), reply.peakRssKb());
    }

    /** Everything the function logged so far (its stdout and stderr, as CloudWatch would get them). */
    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public LambdaFunction function() {
        return function;
    }

    private Frames.Reply await() {
        Future<Frames.Reply> next = reader.submit(() -> Frames.readReply(replies));
        try {
            return next.get(HUNG_AFTER.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            String tail = logTail(); // before close(), which deletes the log
            close();
            throw new LambdaFailedException(function.name() + " did not answer within " + HUNG_AFTER + "\n" + tail);
        } catch (ExecutionException e) {
            throw new LambdaFailedException(function.name() + " ended unexpectedly: " + e.getCause() + "\n" + logTail());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LambdaFailedException("interrupted while waiting for " + function.name());
        }
    }

    private String failure(String what, Frames.Reply reply) {
        return function.name() + ": " + what + ":\n" + new String(reply.payload(), StandardCharsets.UTF_8) + "\n" + logTail();
    }

    private String logTail() {
        String text = log();
        return "--- function log (tail) ---\n" + text.substring(Math.max(0, text.length() - 4000));
    }

    /**
     * Kills the execution environment at once ({@code kill -9}), as a crash or Lambda's timeout would: whatever
     * it was doing stops mid-way, and an {@link #invoke} waiting on it fails. {@link #close} still cleans up.
     */
    public void kill() {
        try {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ends the execution environment (closing its event pipe, then killing it if needed) and deletes its files. */
    @Override
    public void close() {
        try {
            events.close();
        } catch (IOException ignored) {
            // the child is gone already
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        reader.shutdownNow();
        deleteTree(taskRoot);
        try {
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // a leftover temp log is harmless
        }
    }

    /** The java command line of the Lambda Java 21 runtime (heap 85% of the memory size, serial GC, C1 only). */
    static List<String> command(LambdaFunction function) {
        String javaHome = System.getProperty(JAVA_HOME_PROPERTY, System.getProperty("java.home"));
        List<String> command = new ArrayList<>();
        command.add(Path.of(javaHome, "bin", "java").toString());
        command.add("-XX:MaxHeapSize=" + (long) (function.memoryMb() * 1024L * HEAP_SHARE) + "k");
        command.add("-XX:+UseSerialGC");
        command.add("-Xshare:auto");
        command.add("-XX:+TieredCompilation");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("--add-opens=java.base/java.io=ALL-UNNAMED");
        command.add("-XX:+ErrorFileToStderr");
        String extra = System.getProperty(EXTRA_JVM_OPTIONS_PROPERTY, "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.add("-classpath");
        command.add(codeLocation(LambdaRuntimeMain.class) + java.io.File.pathSeparator + codeLocation(Context.class));
        command.add(LambdaRuntimeMain.class.getName());
        command.add(function.handler());
        command.add(Integer.toString(function.timeoutSeconds()));
        return command;
    }

    /**
     * Lambda's reserved variables first, then the function's own (which may override the region and credentials,
     * for example to point at DynamoDB Local). Nothing of the calling process leaks in.
     */
    static Map<String, String> environment(LambdaFunction function, Path taskRoot) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("LANG", "en_US.UTF-8");
        env.put("TZ", ":UTC");
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.put("_HANDLER", function.handler());
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_LAMBDA_FUNCTION_NAME", function.name());
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(function.memoryMb()));
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + function.name());
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "harness/" + UUID.randomUUID());
        // The execution role's temporary credentials; DynamoDB Local accepts any.
        env.put("AWS_ACCESS_KEY_ID", "harness");
        env.put("AWS_SECRET_ACCESS_KEY", "harness");
        env.put("AWS_SESSION_TOKEN", "harness");
        env.putAll(function.environment());
        return env;
    }

    private static String codeLocation(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        try {
            return Path.of(source.getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void unzip(Path zip, Path target) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path to = target.resolve(entry.getName()).normalize();
                if (!to.startsWith(target)) {
                    throw new IOException("zip entry outside the task root: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(to);
                } else {
                    Files.createDirectories(to.getParent());
                    Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp directory is harmless
        }
    }
}
