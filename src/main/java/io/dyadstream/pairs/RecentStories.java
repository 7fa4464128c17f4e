package io.dyadstream.pairs;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The stories a pair has seen recently, with their fingerprints, oldest arrival first: the pair's entries
 * of the {@code recent-fingerprints} store. {@link #check} decides whether a new story is a republished
 * copy of one of them (same id, or estimated Jaccard similarity of its shingles at or above the threshold,
 * and published within the window of the new story's own time) and says which entries to write and which
 * to forget, so that a story costs the store one entry, not the pair's whole history.
 *
 * <p>Stories are forgotten by arrival, never by publication: one is dropped once a story that arrived
 * more than the window after it is checked, or when more than {@value #MAX_STORIES} are kept (oldest
 * arrival first). Arrival is the input record's timestamp, so a replay after a crash forgets exactly as
 * the first run did, and a story published long ago that arrives between an original and its copy no
 * longer makes the copy go unmarked.
 */
public record RecentStories(List<Seen> stories) {

    public static final int MAX_STORIES = 500;

    /** A story seen: id, fingerprint, event time and arrival time (ms), and the sources that carried it. */
    public record Seen(String storyId, long[] signature, long timestamp, long arrived, List<String> sources) {}

    /**
     * The outcome for a new story: the first story it copies (null if none), the similarity, every source so
     * far; the state to keep, and how it differs from the state checked: the one entry to write (the new
     * story, or the original with the copy's source added) and the entries to forget.
     */
    public record Verdict(String duplicateOf, double similarity, List<String> sources, RecentStories next, Seen written,
            List<Seen> forgotten) {}

    public static RecentStories empty() {
        return new RecentStories(List.of());
    }

    public Verdict check(String storyId, long[] signature, long timestamp, long arrived, String source, long windowMs,
            double threshold) {
        long latestArrival = arrived;
        for (Seen seen : stories) {
            latestArrival = Math.max(latestArrival, seen.arrived());
        }
        List<Seen> kept = new ArrayList<>(stories.size() + 1);
        List<Seen> forgotten = new ArrayList<>();
        Seen best = null;
        double bestSimilarity = 0;
        for (Seen seen : stories) {
            if (latestArrival - seen.arrived() > windowMs) {
                forgotten.add(seen); // arrived more than the window before the latest
                continue;
            }
            kept.add(seen);
            if (Math.abs(timestamp - seen.timestamp()) > windowMs) {
                continue;
            }
            double similarity = seen.storyId().equals(storyId) ? 1.0 : StoryFingerprint.similarity(signature, seen.signature());
            if (similarity >= threshold && similarity > bestSimilarity) {
                best = seen;
                bestSimilarity = similarity;
            }
        }
        if (best == null) {
            List<String> sources = source == null ? List.of() : List.of(source);
            Seen added = new Seen(storyId, signature, timestamp, arrived, sources);
            kept.add(added);
            while (kept.size() > MAX_STORIES) {
                forgotten.add(kept.remove(0));
            }
            return new Verdict(null, 0, sources, new RecentStories(kept), added, forgotten);
        }
        Set<String> sources = new LinkedHashSet<>(best.sources());
        if (source != null) {
            sources.add(source);
        }
        Seen merged = new Seen(best.storyId(), best.signature(), best.timestamp(), best.arrived(), List.copyOf(sources));
        kept.set(kept.indexOf(best), merged);
        return new Verdict(best.storyId(), Math.round(bestSimilarity * 100) / 100.0, List.copyOf(sources), new RecentStories(kept),
                merged, forgotten);
    }
}
