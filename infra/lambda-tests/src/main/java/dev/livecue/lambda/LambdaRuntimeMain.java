package dev.livecue.lambda;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

/**
 * Entry point of the child JVM {@link LambdaZipInvoker} starts: does for one function what the AWS Lambda Java
 * runtime ({@code com.amazonaws.services.lambda.runtime.api.client.AWSLambda}) does. Its working directory is the
 * unzipped package (the task root); the function's classes come from a fresh class loader over that directory
 * and then {@code lib/*.jar} in lexical order, whose parent is the system class loader holding only this harness
 * and {@code aws-lambda-java-core}, as on Lambda; the handler is loaded, initialized and constructed once (the
 * init phase), then called with each event.
 *
 * <p>Arguments: the handler ({@code class::method}) and the timeout in seconds.
 */
public final class LambdaRuntimeMain {

    private LambdaRuntimeMain() {
    }

    public static void main(String[] args) throws IOException {
        try {
            run(args);
        } finally {
            // The parent closed the pipe or went away: end even if the function left non-daemon threads running.
            System.exit(0);
        }
    }

    private static void run(String[] args) throws IOException {
        String handler = args[0];
        int timeoutSeconds = Integer.parseInt(args[1]);
        DataInputStream events = new DataInputStream(new BufferedInputStream(System.in));
        DataOutputStream replies = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        // stdout carries the protocol; whatever the function prints goes to the log, like Lambda's log sink.
        System.setOut(System.err);

        long started = System.nanoTime();
        RequestStreamHandler function;
        try {
            function = load(handler, Path.of(System.getProperty("user.dir")));
        } catch (Throwable t) {
            Frames.writeReply(replies, new Frames.Reply(Frames.Kind.ERROR, System.nanoTime() - started, peakRssKb(), stackTrace(t)));
            return;
        }
        Frames.writeReply(replies, new Frames.Reply(Frames.Kind.READY, System.nanoTime() - started, peakRssKb(), new byte[0]));

        Optional<Frames.Event> event;
        while ((event = Frames.readEvent(events)).isPresent()) {
            HarnessContext context = new HarnessContext(event.get().requestId(), timeoutSeconds);
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            long begin = System.nanoTime();
            Frames.Reply reply;
            try {
                function.handleRequest(new ByteArrayInputStream(event.get().payload()), output, context);
                reply = new Frames.Reply(Frames.Kind.RESULT, System.nanoTime() - begin, peakRssKb(), output.toByteArray());
            } catch (Throwable t) {
                reply = new Frames.Reply(Frames.Kind.ERROR, System.nanoTime() - begin, peakRssKb(), stackTrace(t));
            }
            Frames.writeReply(replies, reply);
        }
    }

    /**
     * The handler as the runtime resolves it: a {@link RequestStreamHandler}, or any class with a public
     * {@code method(InputStream, OutputStream, Context)} (the runtime's stream-method form). Typed POJO handlers
     * are not supported: every function here is a stream handler.
     */
    private static RequestStreamHandler load(String handler, Path taskRoot) throws ReflectiveOperationException, IOException {
        int separator = handler.indexOf("::");
        String className = separator < 0 ? handler : handler.substring(0, separator);
        String method = separator < 0 ? "handleRequest" : handler.substring(separator + 2);
        ClassLoader loader = new URLClassLoader(taskRootClasspath(taskRoot), ClassLoader.getSystemClassLoader());
        Thread.currentThread().setContextClassLoader(loader);
        Class<?> type = Class.forName(className, true, loader);
        Method stream;
        try {
            stream = type.getMethod(method, InputStream.class, OutputStream.class, Context.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(handler + " has no public " + method
                    + "(InputStream, OutputStream, Context); this harness runs stream handlers only", e);
        }
        Object instance = type.getDeclaredConstructor().newInstance();
        if (instance instanceof RequestStreamHandler function && "handleRequest".equals(method)) {
            return function;
        }
        return (input, output, context) -> {
            try {
                stream.invoke(instance, input, output, context);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(e.getCause());
            }
        };
    }

    /** The task root itself, then its {@code lib/*.jar} sorted by name: the runtime's CustomerClassLoader order. */
    static URL[] taskRootClasspath(Path taskRoot) throws IOException {
        List<URL> urls = new ArrayList<>();
        urls.add(url(taskRoot.toUri().toString()));
        Path lib = taskRoot.resolve("lib");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> jars = Files.list(lib)) {
                for (Path jar : jars.filter(p -> p.getFileName().toString().endsWith(".jar"))
                        .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList()) {
                    urls.add(url(jar.toUri().toString()));
                }
            }
        }
        return urls.toArray(URL[]::new);
    }

    private static URL url(String uri) throws MalformedURLException {
        return java.net.URI.create(uri).toURL();
    }

    /** Peak resident set size (Linux VmHWM): what Lambda reports as "Max Memory Used". -1 where unknown. */
    private static long peakRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException notLinux) {
            // fall through
        }
        return -1;
    }

    private static byte[] stackTrace(Throwable t) {
        StringWriter text = new StringWriter();
        t.printStackTrace(new PrintWriter(text));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
