package io.dyadstream.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.dyadstream.serde.Json;
import io.dyadstream.topology.PipelineMetrics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Every bad parameter gets a 400 with a JSON message; the server's own answers before the app runs. */
class ApiServerTest {

    private static ApiServer api;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        api = ApiServer.start("127.0.0.1", 0, new PipelineMetrics());
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    static HttpResponse<String> get(String pathAndQuery) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(api.address() + pathAndQuery)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "/api/pairs?country=kaz                       | 400 | alpha-3 code",
        "/api/pairs?country=KAZAKHSTAN                | 400 | alpha-3 code",
        "/api/pairs?from=2016-13-01                   | 400 | ISO date",
        "/api/pairs?from=2016-11-30&to=2016-11-01     | 400 | must not be after",
        "/api/pairs?colour=red                        | 400 | unknown parameter",
        "/api/pairs/KAZ-BLR                           | 400 | use BLR-KAZ",
        "/api/pairs/KAZ-KAZ                           | 400 | never pairs with itself",
        "/api/pairs/BLRKAZ                            | 400 | like BLR-KAZ",
        "/api/pairs/BLR-KAZ?from=yesterday            | 400 | ISO date",
        "/api/pairs/BLR-KAZ/stories?limit=0           | 400 | from 1 to 100",
        "/api/pairs/BLR-KAZ/stories?limit=abc         | 400 | from 1 to 100",
        "/api/stories/a%20b                           | 400 | a story id",
        "/api/nothing                                 | 404 | no such endpoint",
        "/api/pairs/BLR-KAZ                           | 503 | starting",
        "/api/pairs/BLR-KAZ/stories                   | 503 | starting",
        "/api/stories/sample-01                       | 503 | starting",
    })
    void answersWithAStatusAndAJsonMessage(String path, int status, String message) throws Exception {
        HttpResponse<String> r = get(path.strip());
        assertEquals(status, r.statusCode(), r.body());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(""));
        JsonNode body = Json.MAPPER.readTree(r.body());
        assertEquals(status, body.get("status").asInt());
        assertTrue(body.get("error").asText().contains(message.strip()), body.toString());
    }

    @Test
    void inputIsNeverEchoedUnescaped() throws Exception {
        HttpResponse<String> r = get("/api/pairs?country=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        assertEquals(400, r.statusCode());
        assertFalse(r.body().contains("<script>"), r.body());
        assertEquals("<script>alert(1)</script>", Json.MAPPER.readTree(r.body()).get("error").asText().replaceAll(".*got '(.*)'", "$1"));
    }

    @Test
    void longParametersAndPathsAreRefused() throws Exception {
        assertEquals(400, get("/api/pairs?country=" + "A".repeat(100)).statusCode());
        assertEquals(400, get("/api/stories/" + "a".repeat(300)).statusCode());
    }

    @Test
    void onlyGetIsAllowed() throws Exception {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(api.address() + "/api/pairs"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, r.statusCode());
    }

    @Test
    void healthIsLiveButNotReadyBeforeTheAppRuns() throws Exception {
        HttpResponse<String> r = get("/health");
        assertEquals(503, r.statusCode());
        JsonNode body = Json.MAPPER.readTree(r.body());
        assertTrue(body.get("live").asBoolean());
        assertFalse(body.get("ready").asBoolean());
    }

    @Test
    void metricsAreInPrometheusTextFormat() throws Exception {
        HttpResponse<String> r = get("/metrics");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
        for (String series : new String[] {"dyadstream_stories_in_total 0", "dyadstream_stories_enriched_total 0",
                "dyadstream_stories_dead_lettered_total 0", "dyadstream_stories_duplicates_total 0", "dyadstream_pairs_emitted_total 0",
                "dyadstream_enrichment_seconds_count 0"}) {
            assertTrue(r.body().contains(series), series);
        }
    }
}
