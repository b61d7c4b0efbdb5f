package io.quickstep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.SyncExecutionStatus;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The live view in a real browser: headless Chromium driven by Selenium through chromedriver
 * (Debian's {@code chromium} and {@code chromium-driver}, which {@code .ci/run} installs), against
 * {@code serve} running the examples in this process. Writes {@code target/live-view.png} (the page)
 * and {@code target/live-view-order.png} (the order machine, the picture of the README) on each run. Without a browser it is skipped, saying so, except under {@code CI=true}, where it fails.
 */
class LiveViewBrowserTest {
    private static final Path EXAMPLES = Path.of("..", "examples");
    private static final List<String> MACHINES = List.of("map", "order", "parallel");
    /** Long enough for a loaded machine's page to load and poll a few times; the test waits for states, not time. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static Path chromium;
    private static Path chromedriver;

    @TempDir
    Path dir;
    private Serving serving;
    private ChromeDriver browser;

    @BeforeAll
    static void findTheBrowser() {
        chromium = onPath("chromium");
        chromedriver = onPath("chromedriver");
        String missing = chromium == null ? "chromium" : chromedriver == null ? "chromedriver" : null;
        if (missing != null && "true".equals(System.getenv("CI"))) {
            fail(missing + " is not on the PATH, and CI=true: the live view must be tested in a browser "
                    + "(apt-get install chromium chromium-driver; .ci/run does)");
        }
        assumeTrue(missing == null, "SKIPPED the browser test of the live view: " + missing + " is not on the PATH "
                + "(apt-get install chromium chromium-driver)");
    }

    private static Path onPath(String program) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(folder, program);
            if (!folder.isEmpty() && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (serving != null) {
            serving.stop();
        }
    }

    @Test
    void showsEachMachineLiveAndAChosenExecutionsPathWithoutAConsoleError() throws Exception {
        serving = Serving.start("--definitions", EXAMPLES.toString(), "--log-level", "ALL", "--log-include-data",
                "--log-dir", dir.resolve("logs").toString());
        browser = open();
        browser.get(serving.url("/ui"));
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);

        for (String machine : MACHINES) {
            int states = states(Json.MAPPER.readTree(EXAMPLES.resolve(machine + "/" + machine + ".asl.json").toFile()));
            By nodes = By.cssSelector("section[data-machine='" + machine + "'] .diagram g.state");
            wait.until(page -> page.findElements(nodes).size() == states);
            assertEquals(states, browser.findElements(nodes).size(), machine + ": one node per state");
        }
        By normalize = By.cssSelector("section[data-machine='order'] g.state[data-state='Normalize']");
        wait.until(page -> "0".equals(page.findElement(normalize).getDomAttribute("data-entered")));

        String input = Files.readString(EXAMPLES.resolve("order/order-input.json"));
        try (SfnClient sfn = serving.client()) {
            for (int i = 0; i < 3; i++) {
                assertEquals(SyncExecutionStatus.SUCCEEDED, sfn.startSyncExecution(b -> b.stateMachineArn(
                        "arn:aws:states:us-east-1:123456789012:stateMachine:order").input(input)).status());
            }
        }
        wait.until(page -> "3".equals(page.findElement(normalize).getDomAttribute("data-entered")));
        assertTrue(browser.findElement(normalize).findElement(By.cssSelector("text.live.rate")).getText()
                .contains("3 in"), "the counts are written on the state");
        By rows = By.cssSelector("section[data-machine='order'] .executions tbody tr");
        wait.until(page -> page.findElements(rows).size() == 3);

        browser.findElements(rows).get(0).findElement(By.tagName("button")).click();
        WebElement panel = browser.findElement(By.id("execution"));
        By pathCharge = By.cssSelector("#execution g.state[data-state='Charge']");
        wait.until(page -> !page.findElements(pathCharge).isEmpty());
        assertEquals("SUCCEEDED", panel.getDomAttribute("data-status"));
        assertTrue(browser.findElement(pathCharge).getDomAttribute("class").contains("status-succeeded"),
                "the path is coloured");
        assertTrue(browser.findElement(By.cssSelector("#execution g.state[data-state='ManualTier']"))
                .getDomAttribute("class").contains("status-not-reached"));
        assertFalse(browser.findElements(By.cssSelector("#execution g.edge.taken")).isEmpty());
        List<WebElement> steps = panel.findElements(By.cssSelector(".steps tbody tr"));
        assertEquals(6, steps.size(), "Normalize, Route, AutoTier, Charge, Reserve, Confirm");
        assertTrue(steps.get(0).getText().contains("\"orderId\":\"o-1\""), steps.get(0).getText());

        Files.write(Path.of("target", "live-view.png"), browser.getScreenshotAs(OutputType.BYTES));
        Files.write(Path.of("target", "live-view-order.png"), browser.findElement(
                By.cssSelector("section[data-machine='order']")).getScreenshotAs(OutputType.BYTES));
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertTrue(errors.isEmpty(), "console errors: " + errors);
    }

    /** Headless Chromium with a profile of its own, its console log kept for the test. */
    private ChromeDriver open() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + dir.resolve("profile"), "--window-size=1400,2000");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(driver, options);
    }

    /** The states of a definition, nested ones too (Parallel branches, Map item processors). */
    private static int states(JsonNode definition) {
        int count = 0;
        for (JsonNode state : (Iterable<JsonNode>) () -> definition.path("States").elements()) {
            count++;
            for (JsonNode branch : state.path("Branches")) {
                count += states(branch);
            }
            count += Stream.of("ItemProcessor", "Iterator").mapToInt(key -> states(state.path(key))).sum();
        }
        return count;
    }
}
