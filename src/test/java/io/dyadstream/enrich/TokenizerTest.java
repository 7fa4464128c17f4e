package io.dyadstream.enrich;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {

    private static List<String> texts(List<Token> tokens) {
        return tokens.stream().map(Token::text).toList();
    }

    private static List<String> norms(List<Token> tokens) {
        return tokens.stream().map(Token::norm).toList();
    }

    private static void assertOffsetsExact(String text, List<Token> tokens) {
        int previousEnd = 0;
        for (Token t : tokens) {
            assertTrue(t.start() >= previousEnd, "tokens overlap or go backwards at " + t);
            assertTrue(t.end() > t.start(), "empty token " + t);
            assertEquals(t.text(), text.substring(t.start(), t.end()), "offsets of " + t);
            previousEnd = t.end();
        }
    }

    @Test
    void offsetsAreExactSubstringsOfTheText() {
        String text = "On Friday, the U.S. envoy met Pakistan's premier in Nur-Sultan; trade grew 46.6% to $1,546 million (\u201cup\u201d).\n"
                + "  O'Brien said: \u2018fine\u2019 \u2014 T\u00fcrkiye agreed!";
        List<Token> tokens = Tokenizer.tokenize(text);
        assertFalse(tokens.isEmpty());
        assertOffsetsExact(text, tokens);
        // no non-space character is lost
        StringBuilder covered = new StringBuilder();
        for (Token t : tokens) {
            covered.append(t.text());
        }
        assertEquals(text.replaceAll("\\s", ""), covered.toString());
    }

    @Test
    void dottedAbbreviationsAreOneToken() {
        List<Token> tokens = Tokenizer.tokenize("The U.S. and the U.A.E. talked.");
        assertEquals(List.of("The", "U.S.", "and", "the", "U.A.E.", "talked", "."), texts(tokens));
        assertEquals(Token.Kind.WORD, tokens.get(1).kind());
        assertEquals("u.s.", tokens.get(1).norm());
        assertEquals(Token.Kind.WORD, tokens.get(4).kind());
        assertEquals("u.a.e.", tokens.get(4).norm());
    }

    @Test
    void decimalAndThousandsNumbersAreOneNumberToken() {
        List<Token> tokens = Tokenizer.tokenize("Exports grew 46.6 percent to 1,546 tonnes.");
        assertEquals(List.of("Exports", "grew", "46.6", "percent", "to", "1,546", "tonnes", "."), texts(tokens));
        assertEquals(Token.Kind.NUMBER, tokens.get(2).kind());
        assertEquals(Token.Kind.NUMBER, tokens.get(5).kind());
    }

    @Test
    void numberFollowedBySentenceDotKeepsTheDotSeparate() {
        List<Token> tokens = Tokenizer.tokenize("They met in 2021. Then");
        assertEquals(List.of("They", "met", "in", "2021", ".", "Then"), texts(tokens));
        assertEquals(Token.Kind.NUMBER, tokens.get(3).kind());
        assertEquals(Token.Kind.PUNCT, tokens.get(4).kind());
    }

    @Test
    void possessiveIsSplitOff() {
        List<Token> tokens = Tokenizer.tokenize("Pakistan's minister");
        assertEquals(List.of("Pakistan", "'s", "minister"), texts(tokens));
        assertEquals("pakistan", tokens.get(0).norm());
        assertEquals("'s", tokens.get(1).norm());
        assertEquals(8, tokens.get(1).start());
        assertEquals(10, tokens.get(1).end());
    }

    @Test
    void typographicPossessiveIsSplitOffAndNormalised() {
        List<Token> tokens = Tokenizer.tokenize("Georgia\u2019s envoy");
        assertEquals(List.of("Georgia", "\u2019s", "envoy"), texts(tokens));
        assertEquals("'s", tokens.get(1).norm());
    }

    @Test
    void hyphenatedNameIsThreeTokens() {
        List<Token> tokens = Tokenizer.tokenize("Nur-Sultan");
        assertEquals(List.of("Nur", "-", "Sultan"), texts(tokens));
        assertEquals(List.of(Token.Kind.WORD, Token.Kind.PUNCT, Token.Kind.WORD), tokens.stream().map(Token::kind).toList());
    }

    @Test
    void innerApostropheKeepsOneWord() {
        assertEquals(List.of("O'Brien", "visited", "Cote", "d'Ivoire"), texts(Tokenizer.tokenize("O'Brien visited Cote d'Ivoire")));
        List<Token> tokens = Tokenizer.tokenize("d'Ivoire");
        assertEquals(1, tokens.size());
        assertEquals(Token.Kind.WORD, tokens.get(0).kind());
        assertEquals("d'ivoire", tokens.get(0).norm());
    }

    @Test
    void domainNameIsOneWord() {
        List<Token> tokens = Tokenizer.tokenize("according to Agenda.ge, the talks");
        assertEquals(List.of("according", "to", "Agenda.ge", ",", "the", "talks"), texts(tokens));
        assertEquals("agenda.ge", tokens.get(2).norm());
    }

    @Test
    void typographicApostropheIsNormalisedInNorm() {
        List<Token> tokens = Tokenizer.tokenize("C\u00f4te d\u2019Ivoire");
        assertEquals(List.of("C\u00f4te", "d\u2019Ivoire"), texts(tokens));
        assertEquals(List.of("cote", "d'ivoire"), norms(tokens));
        // a lone typographic quote is a punctuation token whose norm is the plain apostrophe
        List<Token> quote = Tokenizer.tokenize("\u2019");
        assertEquals(1, quote.size());
        assertEquals(Token.Kind.PUNCT, quote.get(0).kind());
        assertEquals("'", quote.get(0).norm());
    }

    @Test
    void accentsAreFoldedInNorm() {
        List<Token> tokens = Tokenizer.tokenize("T\u00fcrkiye and S\u00e3o Tom\u00e9");
        assertEquals(List.of("turkiye", "and", "sao", "tome"), norms(tokens));
        assertEquals("T\u00fcrkiye", tokens.get(0).text());
        // decomposed input (u + combining diaeresis) folds the same way and stays one word
        List<Token> decomposed = Tokenizer.tokenize("Tu\u0308rkiye");
        assertEquals(1, decomposed.size());
        assertEquals("turkiye", decomposed.get(0).norm());
        assertEquals("turkiye", Tokenizer.normalize("T\u00dcRKIYE"));
    }

    @Test
    void emojiAndRightToLeftTextDoNotThrow() {
        String text = "Leaders met \ud83e\udd1d in \u0627\u0644\u0631\u064a\u0627\u0636 and \u05d9\u05e8\u05d5\u05e9\u05dc\u05d9\u05dd \u200f\u202b! \ud83c\uddf0\ud83c\uddff\ud83d";
        List<Token> tokens = assertDoesNotThrow(() -> Tokenizer.tokenize(text));
        assertFalse(tokens.isEmpty());
        assertOffsetsExact(text, tokens);
        assertTrue(texts(tokens).contains("\ud83e\udd1d"), "emoji kept whole: " + texts(tokens));
        assertTrue(texts(tokens).contains("\u0627\u0644\u0631\u064a\u0627\u0636"), "Arabic word kept whole: " + texts(tokens));
        assertTrue(texts(tokens).contains("\u05d9\u05e8\u05d5\u05e9\u05dc\u05d9\u05dd"), "Hebrew word kept whole: " + texts(tokens));
    }

    @Test
    void emptyAndBlankTextGiveNoTokens() {
        assertTrue(Tokenizer.tokenize("").isEmpty());
        assertTrue(Tokenizer.tokenize("  \n\t\u00a0\ufeff ").isEmpty());
    }
}
