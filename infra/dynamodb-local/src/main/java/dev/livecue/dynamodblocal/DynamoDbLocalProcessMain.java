package dev.livecue.dynamodblocal;

import java.io.IOException;
import java.io.InputStream;

/**
 * Entry point of the child JVM: runs DynamoDB Local's own server and exits as soon as its standard input
 * closes, which happens when the parent JVM ends for any reason, so no server is ever left behind.
 */
public final class DynamoDbLocalProcessMain {

    private DynamoDbLocalProcessMain() {
    }

    public static void main(String[] args) throws Exception {
        Thread watchdog = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() != -1) {
                    // nothing is ever sent; we only wait for end-of-stream
                }
            } catch (IOException ignored) {
                // a broken pipe means the parent is gone, same as end-of-stream
            }
            Runtime.getRuntime().halt(0);
        }, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        Class.forName("com.amazonaws.services.dynamodbv2.local.main.ServerRunner")
                .getMethod("main", String[].class)
                .invoke(null, (Object) args);
    }
}
