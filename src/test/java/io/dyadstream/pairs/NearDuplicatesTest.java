package io.dyadstream.pairs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.dyadstream.serde.Json;
import io.dyadstream.topology.TopologySettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Measures the merge decision on our labelled pairs of stories (src/test/resources/dedup/pairs.jsonl:
 * republications, edited re-sends, stories fed twice, and different stories on the same pair that must
 * not merge) at the default similarity threshold, and checks the window and source bookkeeping.
 */
class NearDuplicatesTest {

    private static final long DAY = 86_400_000L;

    @Test
    void mergesCopiesAndKeepsDifferentStoriesApart() throws Exception {
        double threshold = TopologySettings.defaults().duplicateThreshold();
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int tn = 0;
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/dedup/pairs.jsonl"));
        for (String line : lines) {
            JsonNode pair = Json.MAPPER.readTree(line);
            RecentStories seen = RecentStories.empty()
                    .check("a", StoryFingerprint.of(pair.get("a").asText()), 0, 0, "Agency A", 3 * DAY, threshold).next();
            boolean merged = seen.check("b", StoryFingerprint.of(pair.get("b").asText()), DAY, DAY, "Agency B", 3 * DAY, threshold)
                    .duplicateOf() != null;
            boolean duplicate = pair.get("duplicate").asBoolean();
            if (merged && duplicate) {
                tp++;
            } else if (merged) {
                fp++;
            } else if (duplicate) {
                fn++;
            } else {
                tn++;
            }
        }
        double precision = tp / (double) (tp + fp);
        double recall = tp / (double) (tp + fn);
        System.out.printf("near-duplicates on %d labelled pairs at threshold %.2f: precision %.3f, recall %.3f (tp %d, fp %d, fn %d, tn %d)%n",
                lines.size(), threshold, precision, recall, tp, fp, fn, tn);
        assertTrue(lines.size() >= 50, "the labelled set is there");
        assertTrue(precision >= 0.95, "precision " + precision);
        assertTrue(recall >= 0.95, "recall " + recall);
    }

    @Test
    void aCopyOutsideTheWindowIsANewStoryAndSourcesAccumulate() {
        long[] sig = StoryFingerprint.of("Belarus and Kazakhstan signed an agreement on the joint assembly of tractors in Kostanay.");
        RecentStories.Verdict first = RecentStories.empty().check("a", sig, 0, 0, "Kazinform", 3 * DAY, 0.5);
        assertNull(first.duplicateOf());
        RecentStories.Verdict copy = first.next().check("b", sig, 2 * DAY, 2 * DAY, "BelTA", 3 * DAY, 0.5);
        assertEquals("a", copy.duplicateOf());
        assertEquals(1.0, copy.similarity());
        assertEquals(List.of("Kazinform", "BelTA"), copy.sources());
        assertEquals("a", copy.written().storyId(), "the original is written again, with the copy's source");
        assertEquals(List.of("Kazinform", "BelTA"), copy.written().sources());
        RecentStories.Verdict late = copy.next().check("c", sig, 5 * DAY, 5 * DAY, "Trend", 3 * DAY, 0.5);
        assertNull(late.duplicateOf(), "five days later the first story is out of the window");
        assertEquals(1, late.next().stories().size(), "a story that arrived more than the window earlier is forgotten");
        assertEquals(List.of("a"), late.forgotten().stream().map(RecentStories.Seen::storyId).toList());
        assertEquals("c", late.written().storyId());
    }

    @Test
    void aPairKeepsAtMostItsNewestStories() {
        double neverACopy = 1.1; // no similarity reaches it: every story is kept as new
        RecentStories seen = RecentStories.empty();
        for (int i = 0; i < RecentStories.MAX_STORIES; i++) {
            seen = seen.check("s" + i, StoryFingerprint.of("Ghana and Togo, story " + i), i, i, "GNA", 3 * DAY, neverACopy).next();
        }
        RecentStories.Verdict one = seen.check("new", StoryFingerprint.of("Togo and Ghana reopened their border at Aflao."),
                1_000, 1_000, "GNA", 3 * DAY, neverACopy);
        assertEquals(RecentStories.MAX_STORIES, one.next().stories().size());
        assertEquals(List.of("s0"), one.forgotten().stream().map(RecentStories.Seen::storyId).toList(), "the oldest arrival goes");
        assertEquals("new", one.written().storyId());
    }

    @Test
    void aNewerStoryArrivingBetweenAnOriginalAndItsCopyChangesNothing() {
        long[] original = StoryFingerprint.of("Belarus and Kazakhstan signed an agreement on the joint assembly of tractors in Kostanay.");
        long[] newer = StoryFingerprint.of("Kazakh and Belarusian border guards held a joint exercise near the Caspian coast on Monday.");
        long published = 10 * DAY;
        // an archive load: three stories arriving within seconds, the middle one published 50 days after the others
        RecentStories.Verdict first = RecentStories.empty().check("a", original, published, 1_000, "Kazinform", 3 * DAY, 0.5);
        RecentStories.Verdict later = first.next().check("x", newer, published + 50 * DAY, 2_000, "Trend", 3 * DAY, 0.5);
        assertNull(later.duplicateOf());
        RecentStories.Verdict copy = later.next().check("b", original, published, 3_000, "BelTA", 3 * DAY, 0.5);
        assertEquals("a", copy.duplicateOf(), "the copy still meets its original");
        assertEquals(List.of("a", "x"), copy.next().stories().stream().map(RecentStories.Seen::storyId).toList(),
                "nothing is forgotten by publication date; the copy is merged into its original");
        // a story is compared only with stories published within the window of its own date
        RecentStories.Verdict again = copy.next().check("y", original, published + 50 * DAY, 4_000, "Archive", 3 * DAY, 0.5);
        assertNull(again.duplicateOf(), "the same text published 50 days apart is a new story");
    }

    @Test
    void similarityIsHighForRewordedCopiesOnly() {
        String a = "Kazakhstan and Uzbekistan agreed on Thursday to raise bilateral trade to ten billion dollars by 2030, "
                + "the foreign ministers said after talks in Tashkent, adding that new rail links would open next year.";
        String edited = a.replace("Thursday", "Friday").replace("ten billion", "12 billion");
        String other = "Kazakhstan and Uzbekistan held joint border exercises near Saryagash on Monday, the defence ministries said, "
                + "with 800 troops and helicopters rehearsing a response to an armed incursion.";
        assertTrue(StoryFingerprint.similarity(StoryFingerprint.of(a), StoryFingerprint.of(edited)) >= 0.5);
        assertTrue(StoryFingerprint.similarity(StoryFingerprint.of(a), StoryFingerprint.of(other)) < 0.2);
    }
}
