package io.dyadstream.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.dyadstream.enrich.Enricher;
import io.dyadstream.serde.Json;
import io.dyadstream.topics.TopicReconciler;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard end to end: a real broker and one app instance, stories published to
 * {@code stories.raw}, and the page served by the app driven in Debian's headless chromium through
 * its chromedriver (no browser or driver download). Checks that the BLR-KAZ edge appears, that the
 * pair can be selected with the keyboard, that its timeline and highlighted evidence show, that a
 * story containing {@code <script>} shows it as text, and that a new story arrives without a reload.
 * Saves a screenshot to {@code target/dashboard.png}. Waits on the API and the page, never on sleeps.
 */
class DashboardIT {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final String SCRIPT = "<script>alert(1)</script>";

    /** id, published, source, headline, body. */
    private static final List<String[]> STORIES = List.of(
            story("d-1", "2021-05-01", "BelTA", "Belarus and Kazakhstan agree on joint tractor assembly",
                    "MINSK. BelTA - Belarus and Kazakhstan signed an agreement on the joint assembly of tractors in Kostanay on Monday. "
                            + "Belarusian Industry Minister Pyotr Parkhomchik said the plant would make 500 tractors a year."),
            story("d-2", "2021-05-02", "Kazinform", "Kazakh and Belarusian ministers discuss grain trade",
                    "ASTANA. KAZINFORM - Kazakhstan and Belarus held talks on expanding grain supplies and opening a trading house in "
                            + "Minsk. Kazakhstan will ship 200,000 tonnes of wheat to Belarus by the end of the year, Kazakh Agriculture "
                            + "Minister Yerbol Karashukeyev said."),
            story("d-3", "2021-05-03", "BelTA", "Belarus sends medical aid to Kazakhstan",
                    "MINSK. BelTA - Belarus delivered a shipment of humanitarian medical aid to Kazakhstan, including ventilators and "
                            + "vaccines, the Belarusian Health Ministry said on Wednesday."),
            story("d-4", "2021-05-02", "Test Wire", "Chile and Peru sign fisheries treaty " + SCRIPT,
                    "Chile and Peru signed a treaty on fisheries cooperation in Lima. " + SCRIPT + " The treaty sets joint quotas for anchovy."),
            story("d-5", "2021-05-02", "Test Wire", "Pakistan accuses India over ceasefire",
                    "ISLAMABAD -- Pakistan accused India of violating the ceasefire along the Line of Control and summoned the Indian "
                            + "envoy to protest."),
            story("d-6", "2021-05-01", "Test Wire", "Japan to fund Hanoi rail line",
                    "HANOI -- Japan and Vietnam signed a loan agreement for a new rail line in Hanoi, and Japan will provide 30 billion "
                            + "yen in aid."),
            story("d-7", "2021-05-03", "Test Wire", "Argentina and Brazil sign gas memorandum",
                    "Argentina and Brazil signed a memorandum on gas supplies through a new pipeline."),
            story("d-8", "2021-05-03", "Test Wire", "Russian missiles strike Ukrainian cities",
                    "KYIV -- Russia launched missile strikes on Ukrainian cities overnight, and Ukraine accused Moscow of targeting "
                            + "civilians."),
            story("d-9", "2021-05-02", "Test Wire", "US imposes sanctions on Chinese firms",
                    "WASHINGTON -- The United States imposed sanctions on eight Chinese technology companies, and China threatened to "
                            + "retaliate."),
            story("d-10", "2021-05-01", "Test Wire", "Kenya and Tanzania to open border crossings",
                    "Kenya and Tanzania agreed to open two new border crossings to ease trade."),
            story("d-11", "2021-05-02", "Test Wire", "Kazakhstan and Uzbekistan leaders meet",
                    "Kazakh President Kassym-Jomart Tokayev held talks in Tashkent with his Uzbek counterpart Shavkat Mirziyoyev on "
                            + "water and energy cooperation."),
            story("d-12", "2021-05-03", "Test Wire", "Egypt and Ethiopia hold talks on the dam",
                    "Egypt and Ethiopia held talks on the dam in Addis Ababa, but Egypt rejected the Ethiopian proposal on filling the "
                            + "reservoir."),
            story("d-13", "2021-05-01", "Test Wire", "Russia and Kazakhstan discuss energy",
                    "Russia and Kazakhstan signed an agreement on electricity supplies and agreed to build a nuclear power plant."),
            story("d-14", "2021-05-02", "Test Wire", "France and Morocco sign rail and energy deals",
                    "France and Morocco signed agreements on rail and energy projects worth 2 billion euros."));

    /** Published while the page is open: the page must show it without a reload. */
    private static final String[] LIVE = story("d-15", "2021-05-04", "Kazinform", "Kazakhstan and Belarus open a joint trading house",
            "ASTANA. KAZINFORM - Kazakhstan and Belarus signed an agreement on Tuesday to open a joint trading house in Astana that "
                    + "will sell Belarusian dairy products and machinery across Central Asia, the Kazakh Trade Ministry said.");

    private static EmbeddedKafkaBroker broker;
    private static Instance instance;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path stateDir;

    @TempDir
    static Path browserProfile;

    private static String[] story(String id, String published, String source, String headline, String body) {
        return new String[] {id, published, source, headline, body};
    }

    @BeforeAll
    static void start() throws Exception {
        broker = EmbeddedKafkaBroker.start();
        Properties base = new Properties();
        base.put("bootstrap.servers", broker.bootstrapServers());
        try (Admin admin = Admin.create(AppConfig.clientProperties(base))) {
            new TopicReconciler(admin).apply(TopicsCommand.specs(Path.of("topics.yaml"), base), false);
        }
        Properties p = new Properties();
        p.putAll(base);
        p.put("application.id", "dyadstream-dashboard-it");
        p.put("state.dir", stateDir.resolve("instance").toString());
        p.put(Instance.HTTP_PORT, "0");
        instance = new Instance(p, Enricher.withDefaults());
        instance.start();
        assertTrue(instance.awaitRunning(Duration.ofSeconds(90)), "instance did not reach RUNNING: " + instance.state());
        publish(STORIES);
    }

    @AfterAll
    static void stop() {
        if (instance != null) {
            instance.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void dashboardShowsTheRelationsAndWhyTheyAreTagged() throws Exception {
        awaitJson("/api/pairs", json -> stories(json, "BLR-KAZ") == 3 && stories(json, "CHL-PER") == 1, Duration.ofSeconds(90));

        ChromeDriver driver = chromium();
        try {
            JavascriptExecutor js = driver;
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
            driver.get(instance.apiAddress() + "/");
            assertEquals(List.of(1280L, 800L), js.executeScript("return [window.innerWidth, window.innerHeight]"));

            // the BLR-KAZ edge is in the network
            wait.until(d -> Boolean.TRUE.equals(js.executeScript(
                    "return !!window.dyadstream && window.dyadstream.pairs().indexOf('BLR-KAZ') >= 0")));
            assertFalse(driver.findElements(By.cssSelector("#graph canvas")).isEmpty(), "the network is drawn");
            assertEquals(null, js.executeScript("return window.dyadstream.selected()"));
            js.executeScript("window.__sameDocument = 42");

            // clicking the CHL-PER edge selects the pair; its story has <script> in headline and text, shown as text
            // the graph may still be settling or a tooltip may cover the edge: click again until it is selected (3 tries)
            for (int attempt = 1; attempt <= 3; attempt++) {
                clickEdge(driver, "CHL", "PER");
                try {
                    new WebDriverWait(driver, Duration.ofSeconds(10))
                            .until(d -> "CHL-PER".equals(js.executeScript("return window.dyadstream.selected()")));
                    break;
                } catch (org.openqa.selenium.TimeoutException notYet) {
                    if (attempt == 3) {
                        throw notYet;
                    }
                    new Actions(driver).moveToElement(driver.findElement(By.cssSelector(".topbar h1"))).perform();
                }
            }
            new Actions(driver).moveToElement(driver.findElement(By.cssSelector(".topbar h1"))).perform(); // leave the graph: no hover
            WebElement scriptStory = wait.until(d -> d.findElements(By.cssSelector("#stories li.story[data-story='d-4']")).stream()
                    .filter(li -> !li.findElements(By.cssSelector(".story-text mark")).isEmpty()).findFirst().orElse(null));
            assertTrue(text(js, scriptStory.findElement(By.cssSelector(".story-text"))).contains(SCRIPT), "the text shows <script> literally");
            assertTrue(text(js, scriptStory.findElement(By.cssSelector(".headline"))).contains(SCRIPT), "the headline shows <script> literally");
            assertEquals(3L, js.executeScript("return document.scripts.length"), "no script element was injected");
            assertTrue(driver.findElements(By.cssSelector("#detail script, #pair-list script")).isEmpty());
            assertThrows(NoAlertPresentException.class, () -> driver.switchTo().alert(), "no alert ran");

            // select BLR-KAZ with the keyboard: focus the list, move with the arrow keys, press Enter
            js.executeScript("document.querySelector('#pair-list button[tabindex=\"0\"]').focus()");
            new Actions(driver).sendKeys(Keys.HOME).perform();
            int rows = driver.findElements(By.cssSelector("#pair-list button[data-pair]")).size();
            for (int i = 0; i < rows && !"BLR-KAZ".equals(js.executeScript("return document.activeElement.getAttribute('data-pair')")); i++) {
                new Actions(driver).sendKeys(Keys.ARROW_DOWN).perform();
            }
            assertEquals("BLR-KAZ", js.executeScript("return document.activeElement.getAttribute('data-pair')"), "arrow keys reach the pair");
            new Actions(driver).sendKeys(Keys.ENTER).perform();
            wait.until(d -> "BLR-KAZ".equals(js.executeScript("return window.dyadstream.selected()")));
            assertEquals("true", driver.findElement(By.cssSelector("#pair-list button[data-pair='BLR-KAZ']")).getAttribute("aria-pressed"));

            // its timeline: a bar per day, drawn by ECharts
            wait.until(d -> "3".equals(d.findElement(By.id("timeline")).getAttribute("data-days")));
            assertFalse(driver.findElements(By.cssSelector("#timeline canvas")).isEmpty(), "the timeline is drawn");
            assertTrue(((Number) js.executeScript(
                    "return echarts.getInstanceByDom(document.getElementById('timeline')).getOption().series.length")).intValue() >= 2,
                    "the timeline has bars and the score line");

            // its stories, with the evidence highlighted in the text
            wait.until(d -> d.findElements(By.cssSelector("#stories li.story .story-text mark")).size() >= 3);
            assertEquals(3, driver.findElements(By.cssSelector("#stories li.story")).size());
            WebElement mark = driver.findElement(By.cssSelector("#stories li.story .story-text mark"));
            String evidence = text(js, mark);
            assertTrue(evidence.contains("Belarus") || evidence.contains("Kazakhstan"), "the evidence names the pair: " + evidence);
            assertTrue(mark.isDisplayed());
            assertFalse(driver.findElements(By.cssSelector("#stories .tags .tag-type")).isEmpty(), "the tags show");
            assertFalse(driver.findElements(By.cssSelector("#stories .tags .modality")).isEmpty(), "the modality shows");

            // a new story arrives: the page updates without a reload and keeps the selection
            publish(List.<String[]>of(LIVE));
            wait.withMessage(() -> "the new story did not show; stories shown: "
                    + driver.findElements(By.cssSelector("#stories li.story")).size() + ", days: "
                    + driver.findElement(By.id("timeline")).getAttribute("data-days")).until(d -> d.findElements(By.cssSelector("#stories li.story")).size() == 4
                    && "4".equals(d.findElement(By.id("timeline")).getAttribute("data-days")));
            assertEquals("BLR-KAZ", js.executeScript("return window.dyadstream.selected()"));
            assertEquals(42L, js.executeScript("return window.__sameDocument"), "the page was not reloaded");
            wait.until(d -> d.findElements(By.cssSelector("#stories li.story[data-story='d-15'] .story-text mark")).size() > 0);

            assertTrue(browserErrors(driver).isEmpty(), "the browser console has errors: " + browserErrors(driver));

            // the screenshot: no row still marked as just updated, no tooltip
            wait.until(d -> d.findElements(By.cssSelector("#pair-list .pair-row.fresh")).isEmpty());
            js.executeScript("document.activeElement.blur(); document.querySelector('#detail').scrollTop = 0;");
            new Actions(driver).moveToElement(driver.findElement(By.cssSelector(".topbar h1"))).perform();
            Path png = Path.of("target", "dashboard.png");
            Files.createDirectories(png.getParent());
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), png, StandardCopyOption.REPLACE_EXISTING);
            assertTrue(Files.size(png) > 10_000, "screenshot saved");

            // the filters: a country keeps its pairs; a period asks the API for the stories in it
            new Select(driver.findElement(By.id("country"))).selectByValue("KAZ");
            wait.until(d -> Boolean.TRUE.equals(js.executeScript("var p = window.dyadstream.pairs();"
                    + "return p.indexOf('BLR-KAZ') >= 0 && p.every(function (k) { return k.indexOf('KAZ') >= 0; })")));
            new Select(driver.findElement(By.id("country"))).selectByValue("");
            js.executeScript("var f = document.getElementById('from'); f.value = '2021-05-03';"
                    + "f.dispatchEvent(new Event('change', {bubbles: true}));");
            wait.until(d -> Boolean.TRUE.equals(js.executeScript("var p = window.dyadstream.pairs();"
                    + "return p.indexOf('BLR-KAZ') >= 0 && p.indexOf('ARG-BRA') >= 0 && p.indexOf('JPN-VNM') < 0")));
            assertTrue(driver.getCurrentUrl().contains("from=2021-05-03"), "the period is in the address: " + driver.getCurrentUrl());
        } finally {
            driver.quit();
        }
    }

    /** Clicks the middle of the edge between two countries' nodes (ECharts draws on a canvas). */
    private static void clickEdge(ChromeDriver driver, String a, String b) {
        WebElement graph = driver.findElement(By.id("graph"));
        @SuppressWarnings("unchecked")
        List<Number> middle = (List<Number>) driver.executeScript(
                "var chart = echarts.getInstanceByDom(arguments[0]);"
                        + "var nodes = chart.getOption().series[0].data;"
                        + "var at = function (id) { var n = nodes.filter(function (x) { return x.id === id; })[0];"
                        + "  return chart.convertToPixel({seriesIndex: 0}, [n.x, n.y]); };"
                        + "var p = at(arguments[1]), q = at(arguments[2]);"
                        + "return [(p[0] + q[0]) / 2 - arguments[0].clientWidth / 2, (p[1] + q[1]) / 2 - arguments[0].clientHeight / 2];",
                graph, a, b);
        new Actions(driver).moveToElement(graph, Math.round(middle.get(0).floatValue()), Math.round(middle.get(1).floatValue()))
                .click().perform();
    }

    /** Debian's chromium and chromedriver; the explicit driver path keeps Selenium Manager from downloading anything. */
    private static ChromeDriver chromium() {
        assertTrue(new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
                "the dashboard test needs Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER
                        + "): apt-get install chromium chromium-driver (.ci/run does)");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1280,800",
                "--hide-scrollbars", "--user-data-dir=" + browserProfile.toAbsolutePath());
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        // --window-size sizes the window; the page gets exactly 1280x800
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 1280, "height", 800, "deviceScaleFactor", 1, "mobile", false));
        return driver;
    }

    private static List<String> browserErrors(ChromeDriver driver) {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()) {
                errors.add(entry.getMessage());
            }
        }
        return errors;
    }

    private static String text(JavascriptExecutor js, WebElement element) {
        return (String) js.executeScript("return arguments[0].textContent", element);
    }

    private static void publish(List<String[]> stories) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", broker.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            for (String[] s : stories) {
                Map<String, String> envelope = new LinkedHashMap<>();
                envelope.put("id", s[0]);
                envelope.put("published", s[1]);
                envelope.put("source", s[2]);
                envelope.put("headline", s[3]);
                envelope.put("body", s[4]);
                producer.send(new ProducerRecord<>("stories.raw", s[0], Json.MAPPER.writeValueAsString(envelope))).get();
            }
        }
    }

    private static int stories(JsonNode pairs, String pair) {
        for (JsonNode p : pairs.path("pairs")) {
            if (pair.equals(p.path("pair").asText())) {
                return p.path("stories").asInt();
            }
        }
        return 0;
    }

    /** Polls the API until the answer satisfies the condition or the timeout passes. */
    private static JsonNode awaitJson(String path, Predicate<JsonNode> done, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(instance.apiAddress() + path))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() == 200) {
                last = Json.MAPPER.readTree(r.body());
                if (done.test(last)) {
                    return last;
                }
            }
            Thread.sleep(100); // a short poll interval between checks of the state, not a wait for it
        }
        throw new AssertionError(path + " did not reach the expected state in " + timeout + "; last answer: " + last);
    }
}
