package io.dyadstream.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dyadstream.enrich.SentenceSplitter.Sentence;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    /** The sentences of a text as the substrings their spans cover. */
    private static List<String> sentences(String text) {
        List<Token> tokens = Tokenizer.tokenize(text);
        return SentenceSplitter.split(text, tokens).stream().map(s -> text.substring(s.start(), s.end())).toList();
    }

    @Test
    void splitsAtFullStopExclamationAndQuestionMarkBeforeACapital() {
        String text = "Minsk hosted the talks. Astana sent a delegation! Will Baku join? It did not say.";
        assertEquals(List.of("Minsk hosted the talks.", "Astana sent a delegation!", "Will Baku join?", "It did not say."),
                sentences(text));
    }

    @Test
    void doesNotSplitBeforeALowerCaseWord() {
        String text = "The talks were held in Minsk. the delegation then left.";
        assertEquals(List.of(text), sentences(text));
    }

    @Test
    void abbreviationsDoNotEndASentence() {
        assertEquals(List.of("Gen. Petrov met the envoy."), sentences("Gen. Petrov met the envoy."));
        assertEquals(List.of("The deal was signed on Jan. 12 in the capital."), sentences("The deal was signed on Jan. 12 in the capital."));
        assertEquals(List.of("Decree No. 5 was issued."), sentences("Decree No. 5 was issued."));
        assertEquals(List.of("The delegation flew to St. Petersburg on a late flight."),
                sentences("The delegation flew to St. Petersburg on a late flight."));
        assertEquals(List.of("Mr. Ivanov answered questions.", "Nobody else spoke."),
                sentences("Mr. Ivanov answered questions. Nobody else spoke."));
    }

    /** Every abbreviation, in any case, keeps its dot in the sentence; words that only look like one do not. */
    @Test
    void everyAbbreviationAndNoOtherWord() {
        for (String a : List.of("mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "adm", "cmdr",
                "gov", "sen", "rep", "rev", "st", "sr", "jr", "hon", "amb", "pres", "no", "nos", "vol", "art", "para", "fig", "jan",
                "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "corp", "ltd", "co", "bros",
                "vs", "etc", "approx", "est", "mt", "ft", "dept", "univ", "assn")) {
            String capitalized = Character.toUpperCase(a.charAt(0)) + a.substring(1);
            for (String w : List.of(a, capitalized, a.toUpperCase(java.util.Locale.ROOT))) {
                String text = "They met " + w + ". Petrov then left.";
                assertEquals(List.of(text), sentences(text), w);
            }
        }
        // written with accents, precomposed or combining: looked up by the normal form, where they are folded
        for (String w : List.of("G\u00e9n", "G\u0065\u0301n", "Gen\u0307")) {
            String text = "They met " + w + ". Petrov then left.";
            assertEquals(List.of(text), sentences(text), w);
        }
        for (String w : List.of("mrx", "gens", "approxi", "approximately", "x", "zz", "st2", "\u00e9t", "said")) {
            String text = "They met " + w + ". Petrov then left.";
            assertEquals(2, sentences(text).size(), w);
        }
    }

    @Test
    void initialsDoNotEndASentence() {
        assertEquals(List.of("J. R. Smith said the visit went well."), sentences("J. R. Smith said the visit went well."));
    }

    @Test
    void dottedAbbreviationMidSentenceDoesNotEndIt() {
        assertEquals(List.of("The U.S. Embassy in Minsk reopened on Monday.", "Staff returned."),
                sentences("The U.S. Embassy in Minsk reopened on Monday. Staff returned."));
    }

    @Test
    void decimalsDoNotEndASentence() {
        assertEquals(List.of("Bilateral trade grew 46.6 percent last year.", "Officials welcomed it."),
                sentences("Bilateral trade grew 46.6 percent last year. Officials welcomed it."));
    }

    @Test
    void closingQuotesStayWithTheirSentence() {
        assertEquals(List.of("He said: \"We have agreed.\"", "Then the talks ended."),
                sentences("He said: \"We have agreed.\" Then the talks ended."));
        assertEquals(List.of("She asked: \u201cWhen will they sign?\u201d", "Nobody answered."),
                sentences("She asked: \u201cWhen will they sign?\u201d Nobody answered."));
        assertEquals(List.of("The visit was short (two days.)", "It ended well."),
                sentences("The visit was short (two days.) It ended well."));
    }

    @Test
    void aBlankLineAlwaysEndsASentence() {
        String text = "Kazakh and Uzbek officials met in Tashkent\n\nthe ministers also discussed water";
        assertEquals(List.of("Kazakh and Uzbek officials met in Tashkent", "the ministers also discussed water"), sentences(text));
        // a single newline does not
        String single = "Kazakh and Uzbek officials met in Tashkent\nthe ministers also discussed water";
        assertEquals(List.of(single), sentences(single));
        // whitespace-only lines between the newlines still count as blank
        assertEquals(2, sentences("A headline without a stop\n \t\nThe story begins here.").size());
    }

    @Test
    void spansAndTokenRangesMatchTheText() {
        String text = "  Belarus and China signed a memorandum.  The document covers trade!\n\nMore talks follow?  ";
        List<Token> tokens = Tokenizer.tokenize(text);
        List<Sentence> sentences = SentenceSplitter.split(text, tokens);
        assertEquals(3, sentences.size());
        int expectedFrom = 0;
        for (int k = 0; k < sentences.size(); k++) {
            Sentence s = sentences.get(k);
            assertEquals(k, s.index());
            assertEquals(expectedFrom, s.from(), "sentences are contiguous");
            assertTrue(s.to() > s.from());
            assertEquals(tokens.get(s.from()).start(), s.start());
            assertEquals(tokens.get(s.to() - 1).end(), s.end());
            expectedFrom = s.to();
        }
        assertEquals(tokens.size(), expectedFrom, "every token is in a sentence");
        assertEquals(2, sentences.get(0).start());
        assertEquals("Belarus and China signed a memorandum.", text.substring(sentences.get(0).start(), sentences.get(0).end()));
        assertEquals("The document covers trade!", text.substring(sentences.get(1).start(), sentences.get(1).end()));
        assertEquals("More talks follow?", text.substring(sentences.get(2).start(), sentences.get(2).end()));
    }

    @Test
    void splitFromFirstLeavesOutEarlierTokens() {
        String text = "ASTANA -- Kazakhstan and Belarus signed a deal. Both sides praised it.";
        List<Token> tokens = Tokenizer.tokenize(text);
        assertEquals("Kazakhstan", tokens.get(3).text());
        List<Sentence> sentences = SentenceSplitter.split(text, tokens, 3);
        assertEquals(2, sentences.size());
        assertEquals(3, sentences.get(0).from());
        assertEquals(0, sentences.get(0).index());
        assertEquals(text.indexOf("Kazakhstan"), sentences.get(0).start());
        assertEquals("Kazakhstan and Belarus signed a deal.", text.substring(sentences.get(0).start(), sentences.get(0).end()));
        assertEquals("Both sides praised it.", text.substring(sentences.get(1).start(), sentences.get(1).end()));
        for (Sentence s : sentences) {
            assertTrue(s.from() >= 3);
        }
    }

    @Test
    void noTokensGiveNoSentences() {
        assertTrue(SentenceSplitter.split("", List.of()).isEmpty());
        String text = "Only a dateline --";
        List<Token> tokens = Tokenizer.tokenize(text);
        assertTrue(SentenceSplitter.split(text, tokens, tokens.size()).isEmpty());
    }
}
