package dev.livecue.lambda;

import java.nio.file.Path;
import java.util.Map;

/**
 * One Lambda function as the runtime sees it: the deployment package, the handler string, the memory and timeout
 * it is configured with, and the environment variables of its configuration (the runtime adds its own reserved
 * ones, see {@link LambdaZipInvoker}).
 */
public record LambdaFunction(String name, Path zip, String handler, int memoryMb, int timeoutSeconds,
        Map<String, String> environment) {

    public LambdaFunction {
        environment = Map.copyOf(environment);
    }

    /** The same function with more or changed environment variables (for example a DynamoDB endpoint). */
    public LambdaFunction withEnvironment(Map<String, String> more) {
        Map<String, String> merged = new java.util.HashMap<>(environment);
        merged.putAll(more);
        return new LambdaFunction(name, zip, handler, memoryMb, timeoutSeconds, merged);
    }

    /** The same function with another memory size, for measuring how memory changes start-up. */
    public LambdaFunction withMemory(int megabytes) {
        return new LambdaFunction(name, zip, handler, megabytes, timeoutSeconds, environment);
    }
}
