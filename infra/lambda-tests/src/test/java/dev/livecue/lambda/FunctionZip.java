package dev.livecue.lambda;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import org.jboss.jandex.Index;
import org.jboss.jandex.Indexer;

/**
 * A packaged function.zip read without running it: which classes it holds (its root and {@code lib/*.jar}), the
 * Livecue classes in it (indexed with Jandex), and which CDI beans Quarkus kept in it (Quarkus drops the beans a
 * function never uses, and generates a {@code <Class>_Bean} for each one it keeps).
 */
final class FunctionZip {

    private static final String APP_PACKAGE = "dev/livecue/";
    private static final String APP_JAR_PREFIX = "lib/dev.livecue.";

    private final Path path;
    private final Set<String> classes;
    private final Set<String> libraries;
    private final Map<String, byte[]> appClasses;
    private final Index index;

    private FunctionZip(Path path, Set<String> classes, Set<String> libraries, Map<String, byte[]> appClasses, Index index) {
        this.path = path;
        this.classes = classes;
        this.libraries = libraries;
        this.appClasses = appClasses;
        this.index = index;
    }

    static FunctionZip read(Path zip) {
        Set<String> classes = new HashSet<>();
        Set<String> libraries = new HashSet<>();
        Map<String, byte[]> rootApp = new LinkedHashMap<>();
        Map<String, byte[]> jarApp = new LinkedHashMap<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : file.stream().toList()) {
                String name = entry.getName();
                if (name.startsWith("lib/") && name.endsWith(".jar")) {
                    libraries.add(name.substring("lib/".length()));
                    try (ZipInputStream jar = new ZipInputStream(file.getInputStream(entry))) {
                        readJar(jar, classes, name.startsWith(APP_JAR_PREFIX) ? jarApp : null);
                    }
                } else if (name.endsWith(".class")) {
                    classes.add(className(name));
                    if (name.startsWith(APP_PACKAGE)) {
                        try (InputStream in = file.getInputStream(entry)) {
                            rootApp.put(className(name), in.readAllBytes());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + zip, e);
        }
        // The task root comes first on the runtime's class path, so its copy of a class is the one that runs.
        Map<String, byte[]> app = new HashMap<>(jarApp);
        app.putAll(rootApp);
        Indexer indexer = new Indexer();
        for (byte[] bytes : app.values()) {
            try {
                indexer.index(new ByteArrayInputStream(bytes));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new FunctionZip(zip, classes, libraries, app, indexer.complete());
    }

    private static void readJar(ZipInputStream jar, Set<String> classes, Map<String, byte[]> app) throws IOException {
        for (ZipEntry entry; (entry = jar.getNextEntry()) != null; ) {
            String name = entry.getName();
            if (name.endsWith(".class")) {
                classes.add(className(name));
                if (app != null && name.startsWith(APP_PACKAGE)) {
                    app.put(className(name), jar.readAllBytes());
                }
            }
        }
    }

    private static String className(String entry) {
        return entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
    }

    Path path() {
        return path;
    }

    boolean containsClass(String name) {
        return classes.contains(name);
    }

    /** Whether a dependency is packaged, by its {@code groupId.artifactId-} file name prefix. */
    boolean hasLibrary(String groupArtifact) {
        return libraries.stream().anyMatch(jar -> jar.startsWith(groupArtifact + "-") || jar.startsWith("modified-" + groupArtifact + "-"));
    }

    /** The Livecue classes (as the function would load them), by name. */
    Map<String, byte[]> appClasses() {
        return appClasses;
    }

    /** Jandex index of the Livecue classes. */
    Index index() {
        return index;
    }

    /** Whether Quarkus kept the CDI bean of this class in the package. */
    boolean keptBean(String className) {
        return classes.contains(className + "_Bean");
    }

    List<String> libraries() {
        return libraries.stream().sorted().toList();
    }
}
