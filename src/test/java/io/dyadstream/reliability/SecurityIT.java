package io.dyadstream.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dyadstream.app.EmbeddedKafkaBroker;
import io.dyadstream.topology.TopicNames;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The app against a broker that wants SASL_PLAINTEXT with SCRAM-SHA-512 (in-process, loopback): with
 * the right credentials it authenticates and processes stories, and its password appears nowhere it
 * could leak (its log, /health, /metrics, error responses); with a wrong password {@code run} stops
 * within seconds, exits non-zero and says which setting to fix, without stack traces.
 */
class SecurityIT {

    private static final String USER = "dyadstream";
    private static final String PASSWORD = "Corr3ct-h0rse-b4ttery";
    private static final String WRONG = "Wr0ng-staple-9137";
    private static final TopicNames TOPICS = Cluster.topics("secure.");

    private static EmbeddedKafkaBroker broker;
    private static Cluster cluster;

    @BeforeAll
    static void start() throws Exception {
        broker = EmbeddedKafkaBroker.start(0, Map.of(), new EmbeddedKafkaBroker.Scram(USER, PASSWORD));
        cluster = new Cluster(broker.bootstrapServers()); // the test's own tools use the PLAINTEXT listener
        cluster.createTopics(TOPICS, Map.of());
    }

    @AfterAll
    static void stop() {
        AppProcess.killAll();
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void theAppAuthenticatesWithScramAndNeverShowsItsPassword() throws Exception {
        AppProcess app = AppProcess.start("secure", "384m", args("dyadstream-secure", PASSWORD)).awaitReady(Duration.ofSeconds(90));
        List<Generator.Rec> stories = Generator.stories(50, 11, "sec-");
        cluster.produce(TOPICS.raw(), stories);
        Set<String> expected = stories.stream().filter(r -> r.kind() != Generator.Kind.BAD).map(Generator.Rec::id)
                .collect(Collectors.toSet());
        Cluster.await("the stories enriched over SASL", Duration.ofSeconds(90), () -> cluster.readAll(TOPICS.enriched()).stream()
                .map(r -> new String(r.key(), StandardCharsets.UTF_8)).collect(Collectors.toSet()).containsAll(expected));

        List<String> served = new ArrayList<>();
        for (String path : List.of("/health", "/metrics", "/api/pairs", "/api/pairs/BLR-KAZ", "/api/pairs/nonsense", "/api/stories/"
                + PASSWORD, "/api/pairs?country=" + "x".repeat(300), "/no/such/endpoint", "/api/pairs/BLR-KAZ?token=" + PASSWORD + "&x=1")) {
            HttpResponse<String> r = app.get(path);
            served.add(path + " -> " + r.statusCode());
            String body = r.body();
            assertFalse(body.contains(PASSWORD) && !path.contains(PASSWORD), path + " serves the password: " + body);
            assertFalse(body.contains("ScramLoginModule") || body.contains("sasl.jaas"), path + " serves the JAAS config: " + body);
        }
        // a path that carries the password is echoed at most as the caller sent it, never with the app's settings
        assertTrue(app.get("/metrics").body().contains("dyadstream_stories_enriched_total"), "metrics are served");
        double closed = app.terminate(Duration.ofSeconds(40));
        assertTrue(closed >= 0, "the app stopped on SIGTERM");
        String log = app.log() + Files.readString(java.nio.file.Path.of(app.logFile() + ".gc"));
        assertFalse(log.contains(PASSWORD), "the password appears in the app's log " + app.logFile());
        assertTrue(log.contains("sasl.jaas.config=[hidden]"), "the settings are logged with the JAAS config masked");
        Figures.record("security: SASL_PLAINTEXT SCRAM-SHA-512 app processed " + expected.size() + " stories; password found in log, "
                + "/health, /metrics, error responses: 0 times (" + served + ")");
    }

    @Test
    void aWrongPasswordFailsFastWithAClearMessageAndNoStackTrace() throws Exception {
        long t0 = System.nanoTime();
        AppProcess app = AppProcess.start("secure-wrong-password", "384m", args("dyadstream-secure-wrong", WRONG));
        Integer code = app.awaitExit(Duration.ofSeconds(60));
        double seconds = (System.nanoTime() - t0) / 1e9;
        String log = app.log();
        assertNotNull(code, "run gave up on a wrong password (still running after 60 s); log:\n" + app.tail(30));
        assertNotEquals(0, code, "a wrong password is a failure");
        assertTrue(seconds < 20, "it fails fast: " + seconds + " s");
        assertTrue(log.contains("sasl.jaas.config"), "the message names the setting to fix:\n" + log);
        assertFalse(log.contains(WRONG), "the wrong password is not shown either");
        long stackLines = log.lines().filter(l -> l.startsWith("\tat ") || l.startsWith("Caused by:")).count();
        assertEquals(0, stackLines, "no stack trace:\n" + log);
        assertTrue(log.lines().count() < 30, "a few lines, not a retry loop:\n" + log);
        Figures.record(String.format("security: wrong password -> exit code %d after %.1f s, %d log lines, message: %s", code, seconds,
                log.lines().count(), log.lines().filter(l -> l.contains("sasl.jaas.config") && !l.contains("settings:")).findFirst()
                        .orElse("?")));
    }

    private static List<String> args(String appId, String password) throws java.io.IOException {
        List<String> args = new ArrayList<>(List.of("--bootstrap-servers", broker.scramBootstrapServers(),
                "--set", "application.id=" + appId, "--set", "state.dir=" + Figures.freshStateDir(appId),
                "--set", "security.protocol=SASL_PLAINTEXT", "--set", "sasl.mechanism=SCRAM-SHA-512",
                "--set", "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + USER
                        + "\" password=\"" + password + "\";"));
        args.addAll(Cluster.topicArgs(TOPICS));
        return args;
    }
}
