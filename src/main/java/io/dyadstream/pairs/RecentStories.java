package io.dyadstream.pairs;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The stories a pair has seen within the duplicate window, with their fingerprints: the value of the
 * {@code recent-stories} store. {@link #check} decides whether a new story is a republished copy of one
 * of them (same id, or estimated Jaccard similarity of its shingles at or above the threshold) and
 * returns the state to keep. At most {@value #MAX_STORIES} stories are kept per pair.
 */
public record RecentStories(List<Seen> stories) {

    public static final int MAX_STORIES = 500;

    /** A story seen: id, fingerprint, event time (ms) and the sources that carried it. */
    public record Seen(String storyId, long[] signature, long timestamp, List<String> sources) {}

    /** The outcome for a new story: the first story it copies (null if none), the similarity, every source so far. */
    public record Verdict(String duplicateOf, double similarity, List<String> sources, RecentStories next) {}

    public static RecentStories empty() {
        return new RecentStories(List.of());
    }

    public Verdict check(String storyId, long[] signature, long timestamp, String source, long windowMs, double threshold) {
        List<Seen> kept = new ArrayList<>(stories.size() + 1);
        Seen best = null;
        double bestSimilarity = 0;
        for (Seen seen : stories) {
            if (Math.abs(timestamp - seen.timestamp()) > windowMs && timestamp > seen.timestamp()) {
                continue; // out of the window: forget it
            }
            kept.add(seen);
            double similarity = seen.storyId().equals(storyId) ? 1.0 : StoryFingerprint.similarity(signature, seen.signature());
            if (Math.abs(timestamp - seen.timestamp()) <= windowMs && similarity >= threshold && similarity > bestSimilarity) {
                best = seen;
                bestSimilarity = similarity;
            }
        }
        if (best == null) {
            List<String> sources = source == null ? List.of() : List.of(source);
            kept.add(new Seen(storyId, signature, timestamp, sources));
            while (kept.size() > MAX_STORIES) {
                kept.remove(0);
            }
            return new Verdict(null, 0, sources, new RecentStories(kept));
        }
        Set<String> sources = new LinkedHashSet<>(best.sources());
        if (source != null) {
            sources.add(source);
        }
        Seen merged = new Seen(best.storyId(), best.signature(), best.timestamp(), List.copyOf(sources));
        kept.set(kept.indexOf(best), merged);
        return new Verdict(best.storyId(), Math.round(bestSimilarity * 100) / 100.0, List.copyOf(sources), new RecentStories(kept));
    }
}
