package dev.livecue.web;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.livecue.testing.LocalStackProcess;
import dev.livecue.testing.ProcessTrees;
import io.restassured.http.ContentType;

/**
 * One headless Chromium with a fresh profile, at a phone's viewport (360x740 CSS pixels, mobile emulation),
 * pointed at the local stack: what a browser test drives. Helpers open the app, sign in as a new creator, wait
 * for what a user would see, throttle the network, and take the README's screenshots. Every wait is an explicit
 * condition (no sleeps). JavaScript errors in the console fail the test (checked by {@link BrowserExtension}).
 */
public final class Browser implements AutoCloseable {

    public static final int WIDTH = 360;
    public static final int HEIGHT = 740;
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Duration QUIT_TIMEOUT = Duration.ofSeconds(15);
    /** The API's 4xx answers show up as "Failed to load resource" console lines; they are answers, not errors. */
    private static final String NETWORK_ERROR = "Failed to load resource";

    private final LocalStackProcess stack;
    private final ChromeDriver driver;
    private final Path profile;
    private final WebDriverWait wait;

    private Browser(LocalStackProcess stack, ChromeDriver driver, Path profile) {
        this.stack = stack;
        this.driver = driver;
        this.profile = profile;
        this.wait = new WebDriverWait(driver, WAIT);
    }

    /**
     * Starts the given Chromium through the given chromedriver. Both paths are explicit, so Selenium Manager never
     * runs (it would look for, and download, drivers and browsers).
     */
    static Browser launch(LocalStackProcess stack, Path chromium, Path chromedriver) {
        Path profile;
        try {
            profile = Files.createTempDirectory("livecue-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-dev-shm-usage",
                "--lang=en-US", "--window-size=" + WIDTH + "," + HEIGHT, "--user-data-dir=" + profile);
        options.setExperimentalOption("mobileEmulation",
                Map.of("deviceMetrics", Map.of("width", WIDTH, "height", HEIGHT, "pixelRatio", 2.0, "touch", true, "mobile", true)));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .withLogOutput(OutputStream.nullOutputStream())
                .build();
        try {
            return new Browser(stack, new ChromeDriver(service, options), profile);
        } catch (RuntimeException e) {
            deleteProfile(profile);
            throw e;
        }
    }

    /** The driver itself, for anything the helpers do not cover. */
    public ChromeDriver driver() {
        return driver;
    }

    /** The local stack's base URI ({@code http://127.0.0.1:<port>}), e.g. for REST Assured set-up calls. */
    public String baseUri() {
        return stack.baseUri();
    }

    /** Opens the app at a route ({@code "#/plan"}, or {@code ""} for its start) and checks the phone viewport. */
    public Browser open(String route) {
        driver.get(stack.baseUri() + "/" + route);
        wait.until(d -> "complete".equals(script("return document.readyState")));
        Object size = script("return [window.innerWidth, window.innerHeight]");
        if (!List.of((long) WIDTH, (long) HEIGHT).equals(size)) {
            throw new AssertionError("the viewport should be " + WIDTH + "x" + HEIGHT + " CSS pixels, is " + size);
        }
        return this;
    }

    /**
     * Creates a creator through the API with the stack's admin token and returns its API key. The body is the
     * {@code POST /v1/creators} JSON, e.g. {@code {"handle":"nightowl","timeZone":"Europe/Berlin"}}.
     */
    public String createCreator(String creatorJson) {
        return given().baseUri(stack.baseUri()).header("Authorization", "Bearer " + stack.adminToken())
                .contentType(ContentType.JSON).body(creatorJson)
                .post("/v1/creators").then().statusCode(201).extract().path("apiKey");
    }

    /** Pastes the key into the sign-in form, submits it, and waits for the signed-in shell (its navigation). */
    public Browser signIn(String apiKey) {
        WebElement key = waitFor(By.cssSelector("form#sign-in input[name=apiKey]"));
        key.clear();
        key.sendKeys(apiKey);
        driver.findElement(By.cssSelector("form#sign-in [type=submit]")).click();
        waitFor(By.cssSelector("nav a[href='#/next']"));
        return this;
    }

    /** Opens the app, creates a creator with the given handle (time zone Europe/Berlin), signs in; returns its key. */
    public String signInAsNewCreator(String handle) {
        String apiKey = createCreator("{\"handle\":\"" + handle + "\",\"timeZone\":\"Europe/Berlin\"}");
        open("");
        signIn(apiKey);
        return apiKey;
    }

    /** Waits until the element is displayed and returns it. */
    public WebElement waitFor(By locator) {
        return wait.withMessage(() -> "waiting for " + locator + " to be visible").until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** Waits until the element's visible text contains the given text and returns the element. */
    public WebElement waitForText(By locator, String text) {
        wait.withMessage(() -> "waiting for " + locator + " to show '" + text + "'")
                .until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
        return driver.findElement(locator);
    }

    /** Waits until the element is gone or hidden. */
    public void waitUntilGone(By locator) {
        wait.withMessage(() -> "waiting for " + locator + " to disappear").until(ExpectedConditions.invisibilityOfElementLocated(locator));
    }

    /** Waits until the condition holds (polled), failing with its description. */
    public void waitUntil(String description, BooleanSupplier condition) {
        wait.withMessage(() -> "waiting until " + description).until(ignored -> condition.getAsBoolean());
    }

    /** Waits for the field, clears it and types the text as a user would (key by key). */
    public WebElement type(By field, String text) {
        WebElement input = waitFor(field);
        input.clear();
        input.sendKeys(text);
        return input;
    }

    /**
     * Sets a date or date-time input the way its picker would: Chromium's typed format for those depends on the
     * locale, so the value is set and the same input and change events a pick fires are sent.
     */
    public void pick(String inputId, String value) {
        waitFor(By.id(inputId));
        script("const input = document.getElementById(arguments[0]); input.value = arguments[1];"
                + "input.dispatchEvent(new Event('input', {bubbles: true}));"
                + "input.dispatchEvent(new Event('change', {bubbles: true}));", inputId, value);
    }

    /** Waits for the element, scrolls it to the middle of the screen (clear of the sticky bars) and taps it. */
    public void click(By locator) {
        click(waitFor(locator));
    }

    public void click(WebElement element) {
        script("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    /** Fails when the page scrolls sideways at phone width. */
    public void assertFitsThePhoneWidth() {
        long scrollWidth = (Long) script("return document.documentElement.scrollWidth");
        if (scrollWidth > WIDTH) {
            throw new AssertionError("no horizontal scrolling at " + WIDTH + " px: scrollWidth is " + scrollWidth);
        }
    }

    /** Runs JavaScript in the page and returns its result (numbers come back as Long or Double). */
    public Object script(String javaScript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javaScript, arguments);
    }

    /** Throttles every request of this browser (DevTools network emulation) until {@link #unthrottle()}. */
    public Browser throttle(NetworkConditions conditions) {
        ChromiumNetworkConditions emulated = new ChromiumNetworkConditions();
        emulated.setLatency(conditions.latency());
        emulated.setDownloadThroughput(conditions.downloadKbps() * 1000 / 8);
        emulated.setUploadThroughput(conditions.uploadKbps() * 1000 / 8);
        driver.setNetworkConditions(emulated);
        return this;
    }

    /** Back to the unthrottled loopback network. */
    public Browser unthrottle() {
        driver.deleteNetworkConditions();
        return this;
    }

    /**
     * Saves the viewport as {@code docs/screenshots/<name>.png} in the repository (the README shows them) and
     * returns the file.
     */
    public Path screenshot(String name) {
        return saveScreenshot(Path.of(System.getProperty("livecue.screenshots", "target/screenshots")), name);
    }

    /**
     * The errors logged to the console since the last call (uncaught exceptions, console.error, failed loads of
     * the app's own files), which then no longer fail the test: for a test that expects one.
     */
    public List<String> takeConsoleErrors() {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue() && !isApiAnswer(entry.getMessage())) {
                errors.add(entry.getMessage());
            }
        }
        return errors;
    }

    void assertNoJavaScriptErrors() {
        List<String> errors = takeConsoleErrors();
        if (!errors.isEmpty()) {
            throw new AssertionError("JavaScript errors in the browser console:\n  " + String.join("\n  ", errors));
        }
    }

    void keepFailureScreenshot(String name) {
        saveScreenshot(Path.of(System.getProperty("livecue.failures", "target")), name);
    }

    /** Quits Chromium and its driver, checks that none of their processes is left, and deletes the profile. */
    @Override
    public void close() {
        List<ProcessHandle> started = ProcessHandle.current().descendants()
                .filter(process -> process.info().command().map(command -> command.contains("chrom")).orElse(false))
                .toList();
        try {
            driver.quit();
            ProcessTrees.awaitExit(started, QUIT_TIMEOUT, "Chromium or chromedriver, after quit,");
        } finally {
            deleteProfile(profile);
        }
    }

    private boolean isApiAnswer(String message) {
        return message.startsWith(stack.baseUri() + "/v1/") && message.contains(NETWORK_ERROR);
    }

    private Path saveScreenshot(Path directory, String name) {
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteProfile(Path profile) {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the browser profile " + profile, e);
        }
    }
}
