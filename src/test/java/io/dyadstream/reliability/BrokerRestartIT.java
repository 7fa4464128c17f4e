package io.dyadstream.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.dyadstream.app.EmbeddedKafkaBroker;
import io.dyadstream.enrich.Enricher;
import io.dyadstream.enrich.InvalidStoryException;
import io.dyadstream.serde.Json;
import io.dyadstream.topology.TopicNames;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The broker stops in the middle of a stream and comes back on the same data directory and port
 * (in-process KRaft, so a clean broker shutdown rather than a crash). The app, in its own JVM and never
 * touched, must wait, recover and catch up by itself: afterwards every story is on stories.enriched
 * once, every relation once, every bad record on the DLQ once (exactly_once_v2).
 */
class BrokerRestartIT {

    /** How long the broker stays down: the scenario's parameter, not a wait for anything. */
    private static final Duration OUTAGE = Duration.ofSeconds(10);

    @AfterAll
    static void killLeftovers() {
        AppProcess.killAll();
    }

    @Test
    void theAppWaitsForTheBrokerAndCatchesUpWithNothingLost() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
            Cluster cluster = new Cluster(broker.bootstrapServers());
            TopicNames topics = Cluster.topics("outage.");
            cluster.createTopics(topics, Map.of());
            String appId = "dyadstream-outage";
            List<String> args = new ArrayList<>(List.of("--bootstrap-servers", broker.bootstrapServers(), "--set", "application.id=" + appId,
                    "--set", "state.dir=" + Figures.freshStateDir(appId)));
            args.addAll(Cluster.topicArgs(topics));
            AppProcess app = AppProcess.start("outage", "384m", args).awaitReady(Duration.ofSeconds(90));

            List<Generator.Rec> records = Generator.stories(600, 41, "o-");
            AtomicInteger sent = new AtomicInteger();
            AtomicReference<Throwable> feedError = new AtomicReference<>();
            Thread feeder = new Thread(() -> {
                // a feed producer that rides out the outage: it keeps its records and retries for up to 5 minutes
                try (KafkaProducer<byte[], byte[]> producer = cluster.producer(Map.of(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000,
                        ProducerConfig.MAX_BLOCK_MS_CONFIG, 300_000))) {
                    for (Generator.Rec r : records) {
                        producer.send(new ProducerRecord<>(topics.raw(), r.key(), r.value()), (m, e) -> {
                            if (e != null) {
                                feedError.compareAndSet(null, e);
                            }
                        });
                        if (sent.incrementAndGet() % 10 == 0) {
                            TimeUnit.MILLISECONDS.sleep(250); // the feed's pace: 40 stories a second
                        }
                    }
                    producer.flush();
                } catch (Throwable e) {
                    feedError.compareAndSet(null, e);
                }
            }, "feeder-outage");
            feeder.start();
            Cluster.await("a third of the stories fed", Duration.ofMinutes(1), () -> sent.get() >= records.size() / 3);

            int fedBeforeStop = sent.get();
            broker.stop();
            long stopped = System.nanoTime();
            TimeUnit.NANOSECONDS.sleep(OUTAGE.toNanos()); // the outage itself
            assertTrue(app.isAlive(), "the app waits while the broker is down:\n" + app.tail(20));
            broker.restart();
            long restarted = System.nanoTime();
            feeder.join(TimeUnit.MINUTES.toMillis(5));
            assertEquals(null, feedError.get(), "the feed producer rode out the outage");
            Cluster.await("the app to catch up after the broker came back", Duration.ofMinutes(4), () -> {
                if (!app.isAlive()) {
                    throw new AssertionError("the app stopped; log " + app.logFile() + ":\n" + app.tail(40));
                }
                try {
                    return cluster.caughtUp(appId, topics);
                } catch (Exception e) {
                    return false;
                }
            });
            double catchUp = (System.nanoTime() - restarted) / 1e9;
            assertEquals(200, app.get("/health").statusCode(), "healthy again, without a restart of the app");

            // what the enricher makes of the same records offline: the expected stories, relations and dead letters
            Enricher enricher = Enricher.withDefaults();
            List<String> expectedIds = new ArrayList<>();
            List<String> expectedRelations = new ArrayList<>();
            List<String> expectedDead = new ArrayList<>();
            for (Generator.Rec r : records) {
                try {
                    var story = enricher.enrich(r.key(), r.value());
                    expectedIds.add(story.id());
                    story.pairs().forEach(p -> expectedRelations.add(story.id() + " " + p.pair()));
                } catch (InvalidStoryException e) {
                    expectedDead.add(r.text());
                }
            }
            List<String> ids = cluster.readAll(topics.enriched()).stream().map(r -> new String(r.key(), StandardCharsets.UTF_8)).sorted()
                    .toList();
            List<String> relations = new ArrayList<>();
            for (ConsumerRecord<byte[], byte[]> r : cluster.readAll(topics.pairs())) {
                JsonNode j = Json.MAPPER.readTree(r.value());
                relations.add(j.get("storyId").asText() + " " + j.get("pair").asText());
            }
            List<String> dead = cluster.readAll(topics.dlq()).stream().map(r -> new String(r.value(), StandardCharsets.UTF_8)).sorted()
                    .toList();
            assertEquals(expectedIds.stream().sorted().toList(), ids, "every story enriched once");
            assertEquals(expectedRelations.stream().sorted().toList(), relations.stream().sorted().toList(), "every relation once");
            assertEquals(expectedDead.stream().sorted().toList(), dead, "every bad record dead-lettered once");
            app.terminate(Duration.ofSeconds(45));
            Figures.record(String.format("broker outage: broker stopped after %d of %d records were fed, down %.0f s, restarted on the same "
                    + "data dir and port; the app (same process, exactly_once_v2) caught up %.1f s after the broker was back; "
                    + "lost 0, duplicated 0 (%d stories, %d relations, %d dead letters)", fedBeforeStop, records.size(),
                    (restarted - stopped) / 1e9, catchUp, ids.size(), relations.size(), dead.size()));
        }
    }
}
