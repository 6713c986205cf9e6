package dev.livecue.web;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import dev.livecue.testing.LocalStackProcess;

/**
 * Runs {@link WebTest}s: skips them (a JUnit assumption, reported as skipped with the reason) where Chromium or
 * its driver is not installed; otherwise starts the packaged local stack once for the whole run and gives every
 * test method its own {@link Browser}. After the test it fails the test on any JavaScript error in the browser's
 * console, keeps a screenshot of a failed test, and quits the browser.
 */
public class BrowserExtension implements BeforeEachCallback, ParameterResolver, AfterEachCallback {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserExtension.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium not installed: run .ci/run or apt-get install chromium chromium-driver (looked for "
                        + CHROMIUM + " and " + CHROMEDRIVER + ")");
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Browser.class;
    }

    @Override
    public Browser resolveParameter(ParameterContext parameter, ExtensionContext context) {
        LocalStackProcess stack = context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(LocalStackProcess.class, ignored -> LocalStackProcess.startPackaged(), LocalStackProcess.class);
        return context.getStore(NAMESPACE).computeIfAbsent(Browser.class,
                ignored -> Browser.launch(stack, CHROMIUM, CHROMEDRIVER), Browser.class);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Browser browser = context.getStore(NAMESPACE).remove(Browser.class, Browser.class);
        if (browser == null) {
            return;
        }
        try {
            if (context.getExecutionException().isPresent()) {
                browser.keepFailureScreenshot(context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName());
            } else {
                browser.assertNoJavaScriptErrors();
            }
        } finally {
            browser.close();
        }
    }
}
