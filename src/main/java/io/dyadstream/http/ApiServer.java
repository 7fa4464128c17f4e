package io.dyadstream.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.dyadstream.model.EnrichedStory;
import io.dyadstream.serde.Json;
import io.dyadstream.topology.DyadTopology;
import io.dyadstream.topology.PipelineMetrics;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's HTTP server (the JDK's HttpServer): the query API over the state stores, health and
 * metrics. Any instance answers any query: a key this instance does not own is fetched from the
 * instance that does (Kafka Streams metadata, advertised {@code application.server}); the pair list
 * gathers every instance's pairs. Errors are JSON with a status code; input is checked and never
 * echoed unescaped. Binds to 127.0.0.1 unless told otherwise.
 */
public final class ApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private static final long FAR_FUTURE = 253402300799000L; // 9999-12-31
    private static final int MAX_PATH = 200;

    /** JSON with {@code < > & '} written as {@code \\u} escapes, so no caller input reaches a page as markup. */
    private static final ObjectWriter JSON = Json.MAPPER.writer().with(new HtmlSafeEscapes());

    private final HttpServer server;
    private final PipelineMetrics metrics;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile KafkaStreams streams;
    private volatile HostInfo self;

    private ApiServer(HttpServer server, PipelineMetrics metrics) {
        this.server = server;
        this.metrics = metrics;
    }

    /** Binds the server (port 0: a free port) and starts it; queries answer 503 until {@link #attach}. */
    public static ApiServer start(String host, int port, PipelineMetrics metrics) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(host, port), 64);
        ApiServer api = new ApiServer(http, metrics);
        http.createContext("/", api::handle);
        http.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "dyadstream-http");
            t.setDaemon(true);
            return t;
        }));
        http.start();
        return api;
    }

    /** The streams app to query, and this instance's advertised host:port (its {@code application.server}). */
    public void attach(KafkaStreams kafkaStreams, HostInfo advertised) {
        this.self = advertised;
        this.streams = kafkaStreams;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String address() {
        return "http://" + server.getAddress().getHostString() + ":" + port();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getRawPath();
            if (path.length() > MAX_PATH) {
                throw ApiException.badRequest("the path is longer than " + MAX_PATH + " characters");
            }
            if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                throw new ApiException(405, "only GET is supported");
            }
            route(exchange, path, exchange.getRequestURI().getRawQuery());
        } catch (ApiException e) {
            sendError(exchange, e.status(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("API request {} failed", exchange.getRequestURI().getRawPath(), e);
            sendError(exchange, 500, "internal error: " + e.getClass().getSimpleName());
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange ex, String path, String query) throws IOException {
        String[] parts = path.split("/", -1);
        if (path.equals("/") || path.startsWith("/assets/") || path.startsWith("/vendor/")) {
            StaticFiles.serve(ex, path);
        } else if (path.equals("/health")) {
            health(ex);
        } else if (path.equals("/metrics")) {
            new QueryParameters(query, Set.of());
            send(ex, 200, "text/plain; version=0.0.4; charset=utf-8", PrometheusText.render(metrics, streams));
        } else if (path.equals("/api/pairs")) {
            pairs(ex, new QueryParameters(query, Set.of("country", "from", "to", "local")));
        } else if (parts.length == 4 && parts[1].equals("api") && parts[2].equals("pairs")) {
            QueryParameters q = new QueryParameters(query, Set.of("from", "to", "local"));
            String pair = QueryParameters.pair(parts[3]);
            long[] range = range(q);
            ownedOrForward(ex, DyadTopology.PAIR_DAILY, pair, q, path, query,
                    () -> Map.of("pair", pair, "days", stores().timeline(pair, range[0], range[1])));
        } else if (parts.length == 5 && parts[1].equals("api") && parts[2].equals("pairs") && parts[4].equals("stories")) {
            QueryParameters q = new QueryParameters(query, Set.of("limit", "local"));
            String pair = QueryParameters.pair(parts[3]);
            int limit = q.limit(20, 100);
            ownedOrForward(ex, DyadTopology.PAIR_STORIES, pair, q, path, query,
                    () -> Map.of("pair", pair, "stories", stores().stories(pair, limit)));
        } else if (parts.length == 4 && parts[1].equals("api") && parts[2].equals("stories")) {
            QueryParameters q = new QueryParameters(query, Set.of("local"));
            String id = QueryParameters.storyId(java.net.URLDecoder.decode(parts[3], StandardCharsets.UTF_8));
            story(ex, id, q.flag("local"), path, query);
        } else {
            throw ApiException.notFound("no such endpoint; try /api/pairs, /api/pairs/BLR-KAZ, /api/pairs/BLR-KAZ/stories, "
                    + "/api/stories/{id}, /health, /metrics");
        }
    }

    /**
     * One story by id. Stories are kept where their first pair is processed, which the id does not tell,
     * so an instance that does not hold it asks the others.
     */
    private void story(HttpExchange ex, String id, boolean localOnly, String path, String query) throws IOException {
        EnrichedStory story = stores().story(id);
        if (story != null) {
            sendJson(ex, 200, story);
            return;
        }
        if (!localOnly) {
            for (StreamsMetadata other : streams.streamsMetadataForStore(DyadTopology.STORIES)) {
                if (!other.hostInfo().equals(self)) {
                    try {
                        send(ex, 200, "application/json", fetch(other.hostInfo(), path, withLocal(query)));
                        return;
                    } catch (ApiException notThere) {
                        if (notThere.status() != 404) {
                            throw notThere;
                        }
                    }
                }
            }
        }
        throw ApiException.notFound("no story with id '" + QueryParameters.clip(id) + "' in the last days the app keeps");
    }

    private void health(HttpExchange ex) throws IOException {
        KafkaStreams s = streams;
        String state = s == null ? "STARTING" : s.state().name();
        boolean ready = s != null && s.state() == KafkaStreams.State.RUNNING;
        sendJson(ex, ready ? 200 : 503, Map.of("live", true, "ready", ready, "state", state));
    }

    private void pairs(HttpExchange ex, QueryParameters q) throws IOException {
        String country = q.get("country") == null ? null : QueryParameters.country(q.get("country"));
        long[] range = range(q);
        List<LocalStores.PairSummary> all = new ArrayList<>(stores().pairs(country, range[0], range[1]));
        if (!q.flag("local")) {
            for (StreamsMetadata other : streams.streamsMetadataForStore(DyadTopology.PAIR_DAILY)) {
                if (!other.hostInfo().equals(self)) {
                    JsonNode remote = Json.MAPPER.readTree(fetch(other.hostInfo(), "/api/pairs", withLocal(ex.getRequestURI().getRawQuery())));
                    for (JsonNode p : remote.path("pairs")) {
                        all.add(Json.MAPPER.treeToValue(p, LocalStores.PairSummary.class));
                    }
                }
            }
        }
        all.sort(Comparator.comparingInt(LocalStores.PairSummary::stories).reversed().thenComparing(LocalStores.PairSummary::pair));
        sendJson(ex, 200, Map.of("pairs", all));
    }

    private static long[] range(QueryParameters q) {
        long from = q.dayStart("from", 0);
        long to = q.dayStart("to", FAR_FUTURE);
        if (from > to) {
            throw ApiException.badRequest("'from' must not be after 'to'");
        }
        return new long[] {from, to + 86_399_999L};
    }

    /** Answers from the local store if this instance owns the key, else forwards to the owner. */
    private void ownedOrForward(HttpExchange ex, String store, String key, QueryParameters q, String path, String query,
            java.util.function.Supplier<Object> local) throws IOException {
        KafkaStreams s = requireStreams();
        if (!q.flag("local")) {
            KeyQueryMetadata meta = s.queryMetadataForKey(store, key, Serdes.String().serializer());
            if (meta == null || meta.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
                throw ApiException.unavailable("the app is rebalancing; retry shortly");
            }
            if (!meta.activeHost().equals(self)) {
                send(ex, 200, "application/json", fetch(meta.activeHost(), path, withLocal(query)));
                return;
            }
        }
        sendJson(ex, 200, local.get());
    }

    private String fetch(HostInfo host, String path, String query) {
        URI uri = URI.create("http://" + host.host() + ":" + host.port() + path + "?" + query);
        try {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                JsonNode error = Json.MAPPER.readTree(r.body());
                throw new ApiException(r.statusCode(), error.path("error").asText("instance " + host + " answered " + r.statusCode()));
            }
            return r.body();
        } catch (IOException e) {
            throw ApiException.unavailable("the instance that holds this key (" + host.host() + ":" + host.port() + ") did not answer");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("interrupted");
        }
    }

    private static String withLocal(String query) {
        return query == null || query.isEmpty() ? "local=true" : query + "&local=true";
    }

    private KafkaStreams requireStreams() {
        KafkaStreams s = streams;
        if (s == null) {
            throw ApiException.unavailable("the app is starting; retry shortly");
        }
        return s;
    }

    private LocalStores stores() {
        return new LocalStores(requireStreams());
    }

    private void sendError(HttpExchange ex, int status, String message) throws IOException {
        sendJson(ex, status, Map.of("status", status, "error", message));
    }

    private void sendJson(HttpExchange ex, int status, Object body) throws IOException {
        String json;
        try {
            json = JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the response as JSON", e);
        }
        send(ex, status, "application/json", json);
    }

    private static void send(HttpExchange ex, int status, String contentType, String body) throws IOException {
        send(ex, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    static void send(HttpExchange ex, int status, String contentType, byte[] bytes) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static final class HtmlSafeEscapes extends CharacterEscapes {
        private final int[] escapes = CharacterEscapes.standardAsciiEscapesForJSON();

        HtmlSafeEscapes() {
            for (char c : new char[] {'<', '>', '&', '\''}) {
                escapes[c] = CharacterEscapes.ESCAPE_STANDARD;
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }
}
