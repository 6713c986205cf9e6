package dev.livecue.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a browser test class: its test methods take a {@link Browser} parameter, a fresh headless Chromium at
 * phone size against the packaged local stack (one stack for the whole test run). Without Chromium the tests are
 * skipped with the reason.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(BrowserExtension.class)
public @interface WebTest {
}
