package io.dyadstream.enrich;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dyadstream.enrich.CueLexicon.Cue;
import io.dyadstream.enrich.PhraseMatcher.Match;
import io.dyadstream.model.EventType;
import io.dyadstream.model.Sector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CueLexiconTest {

    @Test
    void singleWordExpandsToItself() {
        assertEquals(List.of("summit"), CueLexicon.expand("summit"));
    }

    @Test
    void alternativesExpandToOnePhraseEach() {
        assertEquals(List.of("meet", "meets", "met"), CueLexicon.expand("meet|meets|met"));
    }

    @Test
    void underscoreIsASpaceInsideAnAlternative() {
        assertEquals(List.of("prime minister", "premier"), CueLexicon.expand("prime_minister|premier"));
        assertEquals(List.of("joint venture"), CueLexicon.expand("joint_venture"));
    }

    @Test
    void slotsMultiply() {
        List<String> phrases = CueLexicon.expand("sign|signed memorandum|treaty|deal");
        assertEquals(6, phrases.size());
        assertEquals(List.of("sign memorandum", "sign treaty", "sign deal", "signed memorandum", "signed treaty", "signed deal"),
                phrases);
    }

    @Test
    void optionalSlotMayBeLeftOut() {
        assertEquals(List.of("deal", "a deal", "the deal"), CueLexicon.expand("(a|the) deal"));
        assertEquals(List.of("lift ban", "lift the ban"), CueLexicon.expand("lift (the) ban"));
    }

    @Test
    void documentedExampleStandsForTwentyFourPhrases() {
        List<String> phrases = CueLexicon.expand("sign|signed|signing (a|an|the) memorandum|memorandums");
        assertEquals(24, phrases.size());
        assertEquals(24, new HashSet<>(phrases).size(), "no duplicates");
        assertTrue(phrases.contains("sign memorandum"));
        assertTrue(phrases.contains("signed a memorandum"));
        assertTrue(phrases.contains("signing the memorandums"));
        assertTrue(phrases.contains("sign an memorandums"));
        assertFalse(phrases.contains("a memorandum"), "a required slot cannot be dropped");
    }

    @Test
    void countOfExpansionsWithSeveralOptionalSlots() {
        // 2 x (1 + 1) x (1 + 2) x 2 = 24
        List<String> phrases = CueLexicon.expand("first|deputy (vice) (foreign|defence) minister|ministers");
        assertEquals(24, phrases.size());
        assertTrue(phrases.contains("first minister"));
        assertTrue(phrases.contains("deputy vice defence ministers"));
        // underscores and optional slots together: 2 x 3 x 1
        List<String> withSpaces = CueLexicon.expand("cut|broke_off (diplomatic|trade_and_economic) ties");
        assertEquals(6, withSpaces.size());
        assertTrue(withSpaces.contains("broke off trade and economic ties"));
        assertTrue(withSpaces.contains("cut ties"));
    }

    @Test
    void extraWhitespaceAndEmptyAlternativesAreIgnored() {
        assertEquals(List.of("call", "call off"), CueLexicon.expand("call  (off|)"));
        assertEquals(List.of("a", "b"), CueLexicon.expand("a||b"));
    }

    private static List<String[]> rows(String resource) {
        List<String[]> rows = new ArrayList<>();
        Gazetteer.read(resource, rows::add);
        return rows;
    }

    @Test
    void aMisspeltLabelFailsTheLoadWithItsLine() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CueLexicon.load("test-lexicons/misspelt-label.tsv",
                new Vocabulary(), false, java.util.Set.of("TRADE", CueLexicon.NONE)));
        assertTrue(e.getMessage().contains("test-lexicons/misspelt-label.tsv:3") && e.getMessage().contains("'TRDE'"), e.getMessage());
        assertDoesNotThrow(() -> CueLexicon.load("test-lexicons/misspelt-label.tsv", new Vocabulary(), false, null));
    }

    @Test
    void everyRealLexiconLoads() {
        for (String resource : List.of("lexicon/event-types.tsv", "lexicon/sectors.tsv", "lexicon/modality.tsv", "lexicon/roles.tsv")) {
            CueLexicon lexicon = assertDoesNotThrow(() -> CueLexicon.load(resource), resource);
            assertTrue(lexicon.matcher().size() > 0, resource + " has cues");
            // every row's label is present and every pattern expands to something
            for (String[] row : rows(resource)) {
                assertTrue(row.length >= 2, resource + ": " + Arrays.toString(row));
                assertFalse(row[0].isBlank(), resource + ": blank label in " + Arrays.toString(row));
                assertFalse(CueLexicon.expand(row[1].strip()).isEmpty(), resource + ": empty pattern in " + Arrays.toString(row));
            }
        }
    }

    /**
     * Every label in event-types.tsv is an EventType value, or the shadow label {@link CueLexicon#NONE}
     * (phrases that hold a cue word but are no event, e.g. "prisoners of war").
     */
    @Test
    void everyEventTypeLabelIsAnEventTypeOrTheShadowLabel() {
        List<String[]> rows = rows("lexicon/event-types.tsv");
        assertFalse(rows.isEmpty());
        Set<String> known = new HashSet<>();
        for (EventType t : EventType.values()) {
            known.add(t.name());
        }
        known.add(CueLexicon.NONE);
        List<String> unknown = new ArrayList<>();
        for (String[] row : rows) {
            if (!known.contains(row[0].strip())) {
                unknown.add(row[0]);
            }
        }
        assertEquals(List.of(), unknown, "labels in event-types.tsv that are not EventType values");
        // the real event labels are not all shadows
        assertTrue(rows.stream().anyMatch(r -> !r[0].strip().equals(CueLexicon.NONE)));
    }

    @Test
    void shadowLabelIsNotAnEventType() {
        for (EventType t : EventType.values()) {
            assertFalse(t.name().equals(CueLexicon.NONE), "EventType " + t + " collides with the shadow label");
        }
    }

    @Test
    void everySectorLabelIsASectorOrNone() {
        List<String[]> rows = rows("lexicon/sectors.tsv");
        assertFalse(rows.isEmpty());
        Set<String> known = new HashSet<>(Set.of(CueLexicon.NONE));
        for (Sector s : Sector.values()) {
            known.add(s.name());
        }
        List<String> unknown = new ArrayList<>();
        for (String[] row : rows) {
            if (!known.contains(row[0].strip())) {
                unknown.add(row[0]);
            }
        }
        assertEquals(List.of(), unknown, "labels in sectors.tsv that are not Sector values");
    }

    @Test
    void eventTypeWeightsAreInTheUnitInterval() {
        CueLexicon lexicon = CueLexicon.load("lexicon/event-types.tsv");
        for (String[] row : rows("lexicon/event-types.tsv")) {
            for (String phrase : CueLexicon.expand(row[1].strip())) {
                List<Token> tokens = Tokenizer.tokenize(phrase);
                Match<Cue> m = lexicon.matcher().longestAt(tokens, 0, tokens.size());
                assertNotNull(m, "cue phrase does not match itself: " + phrase);
                for (Cue cue : m.values()) {
                    assertTrue(cue.weight() > 0 && cue.weight() <= 1, phrase + " has weight " + cue.weight());
                }
            }
        }
    }

    @Test
    void loadedCuesCarryLabelWeightAndQualifier() {
        CueLexicon events = CueLexicon.load("lexicon/event-types.tsv");
        List<Token> tokens = Tokenizer.tokenize("expelled");
        Match<Cue> m = events.matcher().longestAt(tokens, 0, tokens.size());
        assertNotNull(m);
        assertTrue(m.values().stream().anyMatch(c -> c.label().equals("SANCTION") && c.weight() > 0.5 && c.qualifier().isEmpty()),
                m.values().toString());

        CueLexicon modality = CueLexicon.load("lexicon/modality.tsv");
        List<Token> will = Tokenizer.tokenize("will");
        Match<Cue> w = modality.matcher().longestAt(will, 0, will.size());
        assertNotNull(w);
        assertTrue(w.values().stream().anyMatch(c -> c.label().equals("PLANNED") && c.weight() == 1.0 && c.qualifier().equals("BEFORE")),
                w.values().toString());
    }

    @Test
    void stemmedEventLexiconLoadsAndMatchesInflections() {
        CueLexicon stemmed = assertDoesNotThrow(() -> CueLexicon.loadStemmed("lexicon/event-types.tsv"));
        assertTrue(stemmed.matcher().size() > 0);
        List<Token> tokens = Tokenizer.tokenize("detaining");
        Match<Cue> m = stemmed.matcher().longestAt(tokens, 0, tokens.size());
        assertNotNull(m, "\"detaining\" finds no cue in the stemmed lexicon");
        assertTrue(m.values().stream().anyMatch(c -> c.label().equals("COERCE")), m.values().toString());
    }
}
