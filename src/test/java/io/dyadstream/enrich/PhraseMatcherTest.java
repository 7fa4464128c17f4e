package io.dyadstream.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dyadstream.enrich.PhraseMatcher.Match;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhraseMatcherTest {

    private static List<Match<String>> findAll(PhraseMatcher<String> m, String text) {
        List<Token> tokens = Tokenizer.tokenize(text);
        return m.findAll(tokens, 0, tokens.size());
    }

    @Test
    void longestMatchWins() {
        PhraseMatcher<String> m = new PhraseMatcher<>();
        m.add("Republic", "short");
        m.add("Republic of Belarus", "long");
        List<Match<String>> matches = findAll(m, "the Republic of Belarus said");
        assertEquals(1, matches.size());
        assertEquals(1, matches.get(0).from());
        assertEquals(4, matches.get(0).to());
        assertEquals(List.of("long"), matches.get(0).values());
    }

    @Test
    void fallsBackToTheLongestCompletePhrase() {
        PhraseMatcher<String> m = new PhraseMatcher<>();
        m.add("Republic", "short");
        m.add("Republic of Belarus", "long");
        // "Republic of" is a prefix of a phrase but not a phrase: the match is "Republic" alone
        List<Match<String>> matches = findAll(m, "the Republic of Korea");
        assertEquals(1, matches.size());
        assertEquals(1, matches.get(0).from());
        assertEquals(2, matches.get(0).to());
        assertEquals(List.of("short"), matches.get(0).values());
    }

    @Test
    void scanIsNonOverlappingLeftToRight() {
        PhraseMatcher<String> m = new PhraseMatcher<>();
        m.add("South Korea", "KOR");
        m.add("Korea Strait", "STRAIT");
        m.add("Japan", "JPN");
        List<Token> tokens = Tokenizer.tokenize("South Korea Strait and Japan");
        List<Match<String>> matches = new ArrayList<>();
        m.scan(tokens, 0, tokens.size(), matches::add);
        assertEquals(2, matches.size());
        assertEquals(List.of("KOR"), matches.get(0).values());
        assertEquals(0, matches.get(0).from());
        assertEquals(2, matches.get(0).to());
        assertEquals(List.of("JPN"), matches.get(1).values());
        assertEquals(4, matches.get(1).from());
        assertEquals(5, matches.get(1).to());
    }

    @Test
    void scanRespectsTheRange() {
        PhraseMatcher<String> m = new PhraseMatcher<>();
        m.add("Saudi Arabia", "SAU");
        m.add("Saudi", "SAU-ADJ");
        List<Token> tokens = Tokenizer.tokenize("Saudi Arabia and Saudi Arabia");
        // the limit cuts the second phrase short, so only its first word matches
        List<Match<String>> matches = m.findAll(tokens, 1, 4);
        assertEquals(1, matches.size());
        assertEquals(3, matches.get(0).from());
        assertEquals(4, matches.get(0).to());
        assertEquals(List.of("SAU-ADJ"), matches.get(0).values());
        assertNull(m.longestAt(tokens, 1, tokens.size()));
        Match<String> first = m.longestAt(tokens, 0, tokens.size());
        assertNotNull(first);
        assertEquals(2, first.to());
    }

    @Test
    void onePhraseCanCarrySeveralPayloads() {
        PhraseMatcher<String> m = new PhraseMatcher<>();
        m.add("Georgia", "GEO");
        m.add("Georgia", "USA");
        m.add("Georgia", "GEO"); // duplicate payload is not repeated
        assertEquals(1, m.size());
        List<Match<String>> matches = findAll(m, "Georgia");
        assertEquals(1, matches.size());
        assertEquals(List.of("GEO", "USA"), matches.get(0).values());
    }

    @Test
    void matchingIsNormalised() {
        PhraseMatcher<String> m = new PhraseMatcher<>();
        m.add("T\u00fcrkiye", "TUR");
        m.add("Cote d'Ivoire", "CIV");
        List<Match<String>> matches = findAll(m, "TURKIYE, turkiye, T\u00fcrkiye and C\u00f4te d\u2019Ivoire");
        assertEquals(4, matches.size());
        assertEquals(List.of("TUR"), matches.get(0).values());
        assertEquals(List.of("TUR"), matches.get(1).values());
        assertEquals(List.of("TUR"), matches.get(2).values());
        assertEquals(List.of("CIV"), matches.get(3).values());
        assertEquals(2, matches.get(3).to() - matches.get(3).from());
    }

    @Test
    void phrasesAreTokenizedLikeText() {
        PhraseMatcher<String> m = new PhraseMatcher<>();
        m.add("Nur-Sultan", "KAZ");
        List<Match<String>> matches = findAll(m, "talks in Nur-Sultan ended");
        assertEquals(1, matches.size());
        assertEquals(2, matches.get(0).from());
        assertEquals(5, matches.get(0).to());
        // the hyphenated phrase does not match its words written apart without the hyphen
        assertTrue(findAll(m, "Nur Sultan").isEmpty());
    }

    @Test
    void blankPhrasesAreIgnoredAndSizeCountsDistinctPhrases() {
        PhraseMatcher<String> m = new PhraseMatcher<>();
        m.add("", "x");
        m.add("   ", "y");
        assertEquals(0, m.size());
        m.add("Kazakhstan", "KAZ");
        m.add("KAZAKHSTAN", "KAZ2");
        m.add("Republic of Kazakhstan", "KAZ");
        assertEquals(2, m.size());
        assertTrue(findAll(m, "nothing to see here").isEmpty());
    }

    @Test
    void stemmedMatcherMatchesInflections() {
        PhraseMatcher<String> stemmed = new PhraseMatcher<>(true);
        stemmed.add("detain", "COERCE");
        for (String w : List.of("detain", "detained", "detaining", "detains", "DETAINED")) {
            List<Match<String>> matches = findAll(stemmed, "Border guards " + w + " the crew");
            assertEquals(1, matches.size(), w);
            assertEquals(2, matches.get(0).from(), w);
            assertEquals(List.of("COERCE"), matches.get(0).values(), w);
        }
        PhraseMatcher<String> exact = new PhraseMatcher<>();
        exact.add("detain", "COERCE");
        assertTrue(findAll(exact, "Border guards detained the crew").isEmpty());
    }
}
