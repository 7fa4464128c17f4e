package io.dyadstream.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class StemmerTest {

    @Test
    void inflectionsShareTheirStem() {
        for (String w : List.of("detain", "detained", "detaining", "detains")) {
            assertEquals("detain", Stemmer.stem(w), w);
        }
        assertEquals("ram", Stemmer.stem("rammed"));
        assertEquals("ram", Stemmer.stem("ramming"));
        assertEquals("agre", Stemmer.stem("agree"));
        assertEquals("agre", Stemmer.stem("agrees"));
        assertEquals("agr", Stemmer.stem("agreed")); // the final "e" goes after the "-ed"
        assertEquals("kill", Stemmer.stem("killed"));
        assertEquals("press", Stemmer.stem("presses"));
        assertEquals("reply", Stemmer.stem("replied"));
        assertEquals("ally", Stemmer.stem("allies"));
        assertEquals("tie", Stemmer.stem("ties"));
        assertEquals("focus", Stemmer.stem("focus"));
        assertEquals("war", Stemmer.stem("war"));
        // numbers are not stemmed: a token's stem is its normal form unless it is a word
        assertEquals("1990s", new Token(0, 5, "1990s", "1990s", Token.Kind.NUMBER).stem());
    }

    /** A stem keeps the first two letters of its word: the {@link Vocabulary} turns away words by them. */
    @Test
    void stemsKeepTheFirstTwoLetters() {
        for (String w : List.of("flies", "dies", "ties", "tied", "lied", "fries", "eyes", "axes", "owes", "ode", "odes", "eased",
                "ebbing", "aimed", "added", "ended", "essed", "annulled", "abbed", "allies", "ab", "abs", "aces", "acing")) {
            assertEquals(w.substring(0, 2), Stemmer.stem(w).substring(0, 2), w);
        }
    }

    /** {@link Stemmer#cut} says where the stem {@link Stemmer#stem} makes lies in the word. */
    @Test
    void cutDescribesTheStem() {
        for (String w : List.of("detained", "ramming", "allies", "replied", "presses", "churches", "boxes", "talks", "agree",
                "sanctions", "a", "is", "was", "bias", "kiss", "status", "hopping", "falling", "buzzed", "stuffed", "visited")) {
            int cut = Stemmer.cut(w);
            String made = w.substring(0, cut >>> 1) + ((cut & 1) != 0 ? "y" : "");
            assertEquals(Stemmer.stem(w), made, w);
        }
    }
}
