package dev.livecue.lambda;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The harness fails the way Lambda does when the template names a handler the zip does not have, and when its
 * execution environment was killed.
 */
class LambdaZipInvokerTest {

    @Test
    void start_shouldFailTheInitPhase_whenTheHandlerClassIsNotInTheZip() {
        // GIVEN a packaged function whose handler string names a class that is not in its zip
        SamFunction function = Repository.TEMPLATE.functions().values().iterator().next();
        Repository.zip(function);
        LambdaFunction wrong = function.lambda(Map.of("LivecueTable", "unused"), Map.of("LIVECUE_ADMIN_TOKEN", "unused"));
        LambdaFunction misnamed = new LambdaFunction(wrong.name(), wrong.zip(), "dev.livecue.NoSuchHandler::handleRequest",
                wrong.memoryMb(), wrong.timeoutSeconds(), wrong.environment());

        // WHEN its execution environment starts / THEN the init phase fails, naming the missing class
        LambdaZipInvoker.LambdaFailedException failure = assertThrows(LambdaZipInvoker.LambdaFailedException.class,
                () -> LambdaZipInvoker.start(misnamed).close());
        assertTrue(failure.getMessage().contains("ClassNotFoundException: dev.livecue.NoSuchHandler"), failure.getMessage());
    }

    @Test
    void invoke_shouldFail_whenTheExecutionEnvironmentWasKilled() {
        // GIVEN a packaged function whose execution environment was killed with SIGKILL after its init phase
        SamFunction function = Repository.TEMPLATE.functions().values().iterator().next();
        Repository.zip(function);
        try (LambdaZipInvoker lambda = LambdaZipInvoker.start(
                function.lambda(Map.of("LivecueTable", "unused"), Map.of("LIVECUE_ADMIN_TOKEN", "unused")))) {
            lambda.kill();

            // WHEN it is invoked / THEN the invocation fails instead of waiting for an answer that never comes
            LambdaZipInvoker.LambdaFailedException failure = assertThrows(LambdaZipInvoker.LambdaFailedException.class,
                    () -> lambda.invoke(LambdaEvents.scheduled(Instant.now())));
            assertTrue(failure.getMessage().contains("gone") || failure.getMessage().contains("ended unexpectedly"),
                    failure.getMessage());
        }
    }
}
