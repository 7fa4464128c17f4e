package io.dyadstream.topology;

import io.dyadstream.enrich.PairFanOut;
import io.dyadstream.model.EnrichedStory;
import io.dyadstream.model.PairDay;
import io.dyadstream.model.PairRecord;
import io.dyadstream.pairs.PairDays;
import io.dyadstream.serde.JsonSerde;
import io.dyadstream.serde.SeenStorySerde;
import io.dyadstream.serde.StoryBinarySerde;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The dyadstream topology, a pure function of its settings, enrichment and metrics sink.
 *
 * <ol>
 *   <li>Reads raw stories from {@code stories.raw} as bytes, parses and enriches each one. A record that
 *       cannot be parsed or enriched raises an exception that the {@link DeadLetterHandler} turns into a
 *       record on {@code stories.dlq} with the original bytes.</li>
 *   <li>Stories are repartitioned by their first pair ({@value #STORIES_BY_PAIR}; a story without pairs by
 *       its id) and checked against the pair's recent stories ({@value #RECENT_FINGERPRINTS} store): a republished
 *       copy is marked {@code duplicateOf}. Every story goes to {@code stories.enriched} keyed by id and is
 *       kept for the API ({@value #STORIES} store), and one record per pair goes to
 *       {@code relations.by-pair} keyed by pair. Output records keep the input's time (the topics'
 *       retention counts from arrival, also for archive stories).</li>
 *   <li>{@code relations.by-pair} is read back, timed by each story's published date ({@link PublishedTime}),
 *       and aggregated per pair in daily windows
 *       ({@value #PAIR_DAILY} store, to {@code relations.pair-daily}), and kept by pair for the API
 *       ({@value #PAIR_STORIES}).</li>
 * </ol>
 */
public final class DyadTopology {

    public static final String STORIES_BY_PAIR = "stories-by-pair";
    public static final String RECENT_FINGERPRINTS = "recent-fingerprints";
    public static final String PAIR_DAILY = "pair-daily";
    public static final String PAIR_STORIES = "pair-stories";
    public static final String STORIES = "stories";

    private DyadTopology() {}

    /**
     * The key a story is repartitioned by: its first pair, so that a republished copy meets its original
     * in one task; a story without pairs keeps its id (it has nothing to be a copy of for the aggregates).
     */
    static String partitionKey(EnrichedStory story) {
        return story.pairs().isEmpty() ? "id:" + story.id() : story.pairs().get(0).pair();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    public static Topology build(TopologySettings settings, StoryEnrichment enrichment, PipelineMetrics metrics) {
        TopicNames topics = settings.topics();
        Serde<byte[]> bytes = Serdes.ByteArray();
        Serde<String> strings = Serdes.String();
        Serde<EnrichedStory> storySerde = new JsonSerde<>(EnrichedStory.class);
        Serde<PairRecord> pairSerde = new JsonSerde<>(PairRecord.class);
        // internal topics and stores hold the same records in binary: cheaper to write and read. Stories, written
        // twice more per story (repartition, store), in a compact form that keeps their text once
        Serde<EnrichedStory> storyState = new StoryBinarySerde();
        Serde<PairRecord> pairState = JsonSerde.binary(PairRecord.class);
        StreamsBuilder builder = new StreamsBuilder();

        // not cached: every key is written once (a new story) or twice (its first copy), so a cache would save no
        // writes and would make each prefix scan merge it with RocksDB
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(RECENT_FINGERPRINTS), strings,
                new SeenStorySerde()).withCachingDisabled());
        KStream<String, CheckedStory> checked = builder
                .stream(topics.raw(), Consumed.with(bytes, bytes).withName("read-raw-stories"))
                .map((key, value) -> {
                    metrics.storyIn();
                    long start = System.nanoTime();
                    EnrichedStory story = enrichment.enrich(key, value);
                    OutputLimit.check(story, OutputLimit.DEFAULT_MAX_BYTES);
                    metrics.enriched(System.nanoTime() - start);
                    return KeyValue.pair(partitionKey(story), story);
                }, Named.as("parse-and-enrich"))
                .repartition(Repartitioned.with(strings, storyState).withName(STORIES_BY_PAIR))
                .process(() -> new DuplicateMarker(settings, metrics), Named.as("mark-duplicates"), RECENT_FINGERPRINTS);

        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(STORIES, settings.storyRetention(), Duration.ofDays(1), false), strings, storyState));
        KStream<String, EnrichedStory> stories = checked.mapValues(CheckedStory::story, Named.as("story-of"));
        stories.process(() -> new RecentByKeyWriter<EnrichedStory>(STORIES), Named.as("keep-stories"), STORIES);
        stories.to(topics.enriched(), Produced.with(strings, storySerde).withName("write-enriched"));
        checked.flatMap((id, c) -> {
                    List<KeyValue<String, PairRecord>> out = new ArrayList<>();
                    for (PairRecord r : PairFanOut.records(c.story())) {
                        out.add(KeyValue.pair(r.pair(), r.asDuplicate(c.story().duplicateOf(), c.story().similarity(), c.sources())));
                    }
                    metrics.pairsEmitted(out.size());
                    return out;
                }, Named.as("fan-out-pairs"))
                .to(topics.pairs(), Produced.with(strings, pairSerde).withName("write-pairs"));

        KStream<String, PairRecord> relations = builder.stream(topics.pairs(),
                Consumed.with(strings, pairSerde).withTimestampExtractor(new PublishedTime()).withName("read-relations"));
        relations.groupByKey(Grouped.with(strings, pairSerde).withName("relations-by-pair"))
                .windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofDays(1), settings.grace()))
                .aggregate(() -> null,
                        (pair, record, day) -> PairDays.add(day == null ? PairDays.empty(pair, null) : day, record),
                        Named.as("aggregate-pair-days"),
                        Materialized.<String, PairDay, WindowStore<Bytes, byte[]>>as(PAIR_DAILY)
                                .withKeySerde(strings).withValueSerde(JsonSerde.binary(PairDay.class))
                                .withRetention(max(settings.dailyRetention(), settings.grace().plusDays(1))))
                .toStream(Named.as("pair-day-updates"))
                .map((window, day) -> KeyValue.pair(window.key(), PairDays.dated(day, window.window().start())), Named.as("date-pair-days"))
                .to(topics.daily(), Produced.with(strings, new JsonSerde<>(PairDay.class)).withName("write-pair-days"));

        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(PAIR_STORIES, settings.storyRetention(), Duration.ofDays(1), true), strings, pairState));
        relations.process(() -> new RecentByKeyWriter<PairRecord>(PAIR_STORIES), Named.as("keep-pair-stories"), PAIR_STORIES);

        return builder.build();
    }
}
