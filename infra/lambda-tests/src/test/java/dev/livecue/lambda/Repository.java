package dev.livecue.lambda;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The repository under test: its template.yaml and the function zips the build packaged. */
final class Repository {

    static final Path ROOT = Path.of(System.getProperty("livecue.root", "../..")).toAbsolutePath().normalize();
    static final SamTemplate TEMPLATE = SamTemplate.read(ROOT.resolve("template.yaml"));
    private static final Map<Path, FunctionZip> ZIPS = new ConcurrentHashMap<>();

    private Repository() {
    }

    /** The packaged zip of a template function; fails with the build command when it is missing. */
    static FunctionZip zip(SamFunction function) {
        Path zip = function.zip();
        if (!Files.isRegularFile(zip)) {
            throw new AssertionError(function.id() + ": CodeUri " + ROOT.relativize(zip)
                    + " does not exist; build it with ./mvnw -B package (the reactor packages every function module first)");
        }
        return ZIPS.computeIfAbsent(zip, FunctionZip::read);
    }

    /** HTTP functions are the ones packaged with the HTTP API adapter; the others are invoked by events. */
    static boolean servesHttp(FunctionZip zip) {
        return zip.hasLibrary("io.quarkus.quarkus-amazon-lambda-http");
    }
}
