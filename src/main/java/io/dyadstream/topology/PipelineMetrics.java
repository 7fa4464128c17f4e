package io.dyadstream.topology;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The app's own counters, exported as {@code dyadstream_*} series on {@code /metrics}: stories read,
 * enriched, dead-lettered, marked as duplicates, relation records emitted, and the enrichment time.
 * One instance per app; the topology's processors update it.
 */
public final class PipelineMetrics {

    /** Upper bounds (seconds) of the enrichment latency histogram's buckets. */
    public static final double[] LATENCY_BUCKETS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1};

    private final LongAdder storiesIn = new LongAdder();
    private final LongAdder enriched = new LongAdder();
    private final LongAdder deadLettered = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder pairsEmitted = new LongAdder();
    private final LongAdder[] latencyBuckets = new LongAdder[LATENCY_BUCKETS.length + 1];
    private final AtomicLong latencyNanos = new AtomicLong();

    public PipelineMetrics() {
        for (int i = 0; i < latencyBuckets.length; i++) {
            latencyBuckets[i] = new LongAdder();
        }
    }

    void storyIn() {
        storiesIn.increment();
    }

    void enriched(long nanos) {
        enriched.increment();
        latencyNanos.addAndGet(nanos);
        double seconds = nanos / 1e9;
        int i = 0;
        while (i < LATENCY_BUCKETS.length && seconds > LATENCY_BUCKETS[i]) {
            i++;
        }
        latencyBuckets[i].increment();
    }

    void deadLettered() {
        deadLettered.increment();
    }

    void duplicate() {
        duplicates.increment();
    }

    void pairsEmitted(int n) {
        pairsEmitted.add(n);
    }

    public long storiesIn() {
        return storiesIn.sum();
    }

    public long enrichedCount() {
        return enriched.sum();
    }

    public long deadLetteredCount() {
        return deadLettered.sum();
    }

    public long duplicateCount() {
        return duplicates.sum();
    }

    public long pairsEmittedCount() {
        return pairsEmitted.sum();
    }

    /** Counts per latency bucket (the last one is above the largest bound), not cumulative. */
    public long[] latencyCounts() {
        long[] counts = new long[latencyBuckets.length];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = latencyBuckets[i].sum();
        }
        return counts;
    }

    public double latencySumSeconds() {
        return latencyNanos.get() / 1e9;
    }
}
