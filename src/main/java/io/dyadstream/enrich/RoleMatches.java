package io.dyadstream.enrich;

import io.dyadstream.enrich.CueLexicon.Cue;
import io.dyadstream.enrich.PhraseMatcher.Match;
import io.dyadstream.enrich.SentenceSplitter.Sentence;
import java.util.List;

/**
 * A story's role words (lexicon/roles.tsv: offices, organisation heads, place nouns, "the two
 * countries", ...): the longest non-overlapping matches in each sentence, found once per story and
 * shared by {@link EntityExtractor} and {@link RelationTagger}.
 */
final class RoleMatches {

    private final Match<Cue>[] startingAt;
    private final boolean[] covered;
    /** By sentence, the tags of its role phrases together ({@link CueLexicon#labelBit}). */
    private final long[] sentenceTags;

    @SuppressWarnings("unchecked")
    RoleMatches(PhraseMatcher<Cue> roles, StoryWords words, List<Sentence> sentences) {
        startingAt = (Match<Cue>[]) new Match<?>[words.size()];
        covered = new boolean[words.size()];
        sentenceTags = new long[sentences.size()];
        for (Sentence s : sentences) {
            for (Match<Cue> m = roles.firstMatch(words, s.from(), s.to()); m != null; m = roles.firstMatch(words, m.to(), s.to())) {
                startingAt[m.from()] = m;
                java.util.Arrays.fill(covered, m.from(), m.to(), true);
                sentenceTags[s.index()] |= m.tags();
            }
        }
    }

    /** The role phrase that starts at token {@code i}, or null. */
    Match<Cue> at(int i) {
        return startingAt[i];
    }

    /** Whether token {@code i} is part of a role phrase. */
    boolean covers(int i) {
        return covered[i];
    }

    /** Whether sentence {@code sentence} holds a role phrase with the label whose bit is {@code labelBit}. */
    boolean inSentence(int sentence, long labelBit) {
        return (sentenceTags[sentence] & labelBit) != 0;
    }
}
