package io.dyadstream.topology;

import io.dyadstream.model.EnrichedStory;
import io.dyadstream.pairs.RecentStories;
import io.dyadstream.pairs.StoryFingerprint;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Marks republished stories. Input: stories keyed by their first pair (so that every story that
 * could be a copy meets its original in one task; a story without pairs passes unchecked); output: the
 * same story keyed by its id, with {@code duplicateOf} and {@code similarity} set when it copies a story
 * seen for that pair within the window of its event time ({@link PublishedTime}). Records keep their
 * arrival time. Keeps the pair's recent fingerprints in the {@link DyadTopology#RECENT_FINGERPRINTS} store,
 * one entry per story under {@code PAIR/ARRIVAL/ID} (arrival as 16 hex digits, so that a pair's entries
 * are read oldest first by one prefix scan): a story writes its own entry, not its pair's whole history.
 */
final class DuplicateMarker implements Processor<String, EnrichedStory, String, CheckedStory> {

    private final long windowMs;
    private final double threshold;
    private final PipelineMetrics metrics;
    private static final StringSerializer KEYS = new StringSerializer();

    private KeyValueStore<String, RecentStories.Seen> recent;
    private ProcessorContext<String, CheckedStory> context;

    DuplicateMarker(TopologySettings settings, PipelineMetrics metrics) {
        this.windowMs = settings.duplicateWindow().toMillis();
        this.threshold = settings.duplicateThreshold();
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, CheckedStory> context) {
        this.context = context;
        this.recent = context.getStateStore(DyadTopology.RECENT_FINGERPRINTS);
    }

    @Override
    public void process(Record<String, EnrichedStory> record) {
        EnrichedStory story = record.value();
        long eventTime = PublishedTime.of(story.published(), record.timestamp());
        if (story.pairs().isEmpty()) {
            List<String> sources = sourceOf(story) == null ? List.of() : List.of(sourceOf(story));
            context.forward(record.withKey(story.id()).withValue(new CheckedStory(story, sources)));
            return;
        }
        String pair = record.key();
        RecentStories.Verdict verdict = recentStories(pair).check(story.id(),
                StoryFingerprint.of(story.text()), eventTime, record.timestamp(), sourceOf(story), windowMs, threshold);
        for (RecentStories.Seen forgotten : verdict.forgotten()) {
            recent.delete(key(pair, forgotten));
        }
        recent.put(key(pair, verdict.written()), verdict.written());
        EnrichedStory checked = story;
        if (verdict.duplicateOf() != null) {
            checked = story.asDuplicate(verdict.duplicateOf(), verdict.similarity());
            metrics.duplicate();
        }
        context.forward(record.withKey(story.id()).withValue(new CheckedStory(checked, verdict.sources())));
    }

    private RecentStories recentStories(String pair) {
        List<RecentStories.Seen> seen = new ArrayList<>();
        try (KeyValueIterator<String, RecentStories.Seen> entries = recent.prefixScan(pair + '/', KEYS)) {
            while (entries.hasNext()) {
                seen.add(entries.next().value);
            }
        }
        return new RecentStories(seen);
    }

    static String key(String pair, RecentStories.Seen seen) {
        String arrival = Long.toHexString(seen.arrived());
        return pair + '/' + "0".repeat(16 - arrival.length()) + arrival + '/' + seen.storyId();
    }

    private static String sourceOf(EnrichedStory story) {
        return story.agency() != null ? story.agency() : story.source() != null ? story.source() : story.id();
    }
}
