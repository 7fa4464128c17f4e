package io.dyadstream.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a token stream into sentences. A sentence ends at '.', '!' or '?' (with any closing quotes
 * or brackets after it) when the next token starts a new sentence, and always at a blank line.
 * Abbreviations (Gen., Jan., No., St.), initials ("J. Smith"), dotted forms ("U.S.") and decimals
 * ("46.6", a single number token) do not end a sentence.
 */
public final class SentenceSplitter {

    /** A sentence: tokens [{@code from}, {@code to}) and its character span in the text. */
    public record Sentence(int index, int from, int to, int start, int end) {}

    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "adm", "cmdr", "gov",
            "sen", "rep", "rev", "st", "sr", "jr", "hon", "amb", "pres", "no", "nos", "vol", "art", "para", "fig",
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
            "inc", "corp", "ltd", "co", "bros", "vs", "etc", "approx", "est", "mt", "ft", "dept", "univ", "assn");
    /** The length of the longest abbreviation: a longer word before a dot is none. */
    private static final int LONGEST_ABBREVIATION = ABBREVIATIONS.stream().mapToInt(String::length).max().orElse(0);
    /**
     * The abbreviations by first letter (a-z; they are all in lower case): a word before a dot is
     * compared with a few, without hashing it (most such words are a story's own, hashed nowhere else).
     */
    private static final String[][] ABBREVIATIONS_BY_FIRST_LETTER = new String[26][0];

    static {
        for (String a : ABBREVIATIONS) {
            int k = a.charAt(0) - 'a';
            if (k < 0 || k >= 26) {
                throw new AssertionError("an abbreviation that does not start with a-z: " + a);
            }
            String[] list = ABBREVIATIONS_BY_FIRST_LETTER[k];
            list = java.util.Arrays.copyOf(list, list.length + 1);
            list[list.length - 1] = a;
            ABBREVIATIONS_BY_FIRST_LETTER[k] = list;
        }
    }

    private SentenceSplitter() {}

    public static List<Sentence> split(String text, List<Token> tokens) {
        return split(text, tokens, 0);
    }

    /** Sentences of tokens [{@code first}, end); tokens before {@code first} (a dateline) are left out. */
    public static List<Sentence> split(String text, List<Token> tokens, int first) {
        List<Sentence> sentences = new ArrayList<>();
        int from = first;
        int n = tokens.size();
        Token next = first < n ? tokens.get(first) : null;
        for (int i = first; i < n; i++) {
            boolean end = false;
            int last = i;
            Token t = next;
            next = i + 1 < n ? tokens.get(i + 1) : null;
            if (next != null && blankLineBetween(text, t.end(), next.start())) {
                end = true;
            } else if (isTerminal(text, t) && !isAbbreviationDot(text, tokens, i)) {
                while (last + 1 < n && isCloser(tokens.get(last + 1))) {
                    last++;
                }
                end = last + 1 >= n || startsSentence(text, tokens.get(last + 1));
            }
            if (end) {
                add(sentences, tokens, from, last + 1);
                from = last + 1;
                i = last;
                next = i + 1 < n ? tokens.get(i + 1) : null;
            }
        }
        if (from < n) {
            add(sentences, tokens, from, n);
        }
        return sentences;
    }

    private static void add(List<Sentence> sentences, List<Token> tokens, int from, int to) {
        if (to > from) {
            sentences.add(new Sentence(sentences.size(), from, to, tokens.get(from).start(), tokens.get(to - 1).end()));
        }
    }

    private static boolean isTerminal(Token t) {
        return t.kind() == Token.Kind.PUNCT && (t.text().equals(".") || t.text().equals("!") || t.text().equals("?"));
    }

    /** {@link #isTerminal(Token)}, read in the text: a punctuation token's text is its span of the text. */
    private static boolean isTerminal(String text, Token t) {
        if (t.kind() != Token.Kind.PUNCT || t.end() - t.start() != 1) {
            return false;
        }
        char c = text.charAt(t.start());
        return c == '.' || c == '!' || c == '?';
    }

    private static boolean isCloser(Token t) {
        return t.kind() == Token.Kind.PUNCT && (t.norm().equals("\"") || t.norm().equals("'") || t.text().equals(")")
                || t.text().equals("]") || isTerminal(t));
    }

    /**
     * Whether the token after a full stop starts a sentence. Here and below a word's characters are
     * read in the text, where they are the same as in the token's strings: a known word's strings are
     * the vocabulary's, which nothing else of the story may have read, so that reading them is a
     * cache miss or two for each sentence.
     */
    private static boolean startsSentence(String text, Token next) {
        if (next.kind() == Token.Kind.NUMBER) {
            return true;
        }
        if (next.kind() == Token.Kind.PUNCT) {
            return next.norm().equals("\"") || next.norm().equals("'") || next.text().equals("(") || next.norm().equals("-");
        }
        return Character.isUpperCase(text.charAt(next.start())); // next.text().charAt(0)
    }

    private static boolean isAbbreviationDot(String text, List<Token> tokens, int i) {
        if (!tokens.get(i).text().equals(".") || i == 0) {
            return false;
        }
        Token prev = tokens.get(i - 1);
        if (prev.end() != tokens.get(i).start() || !prev.isWord()) {
            return false;
        }
        if (isAbbreviation(text, prev)) {
            return true;
        }
        // an initial: "J. Smith" (but not the pronoun "I" or a sentence ending in "Plan B." at a paragraph end)
        char initial = text.charAt(prev.start()); // prev.text().charAt(0)
        return prev.end() - prev.start() == 1 && Character.isUpperCase(initial) && initial != 'I' && i + 1 < tokens.size()
                && isCapitalized(text, tokens.get(i + 1));
    }

    /** {@link Token#isCapitalized()}, read in the text. */
    private static boolean isCapitalized(String text, Token t) {
        return t.kind() == Token.Kind.WORD && Character.isUpperCase(text.charAt(t.start()));
    }

    /**
     * {@code ABBREVIATIONS.contains(word.norm())}: for a word written in ASCII, whose normal form is
     * its lower case, compared in the text.
     */
    private static boolean isAbbreviation(String text, Token word) {
        int start = word.start();
        int length = word.end() - start;
        for (int j = 0; j < length; j++) {
            if (text.charAt(start + j) >= 0x80) {
                return isAbbreviation(word.norm());
            }
        }
        if (length == 0 || length > LONGEST_ABBREVIATION) {
            return false;
        }
        int k = lowerCase(text.charAt(start)) - 'a';
        if (k < 0 || k >= 26) {
            return false;
        }
        for (String a : ABBREVIATIONS_BY_FIRST_LETTER[k]) {
            if (a.length() == length && isLowerCaseOf(a, text, start)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code lower} is the lower case of the ASCII text at {@code start}. */
    private static boolean isLowerCaseOf(String lower, String text, int start) {
        for (int j = 0; j < lower.length(); j++) {
            if (lower.charAt(j) != lowerCase(text.charAt(start + j))) {
                return false;
            }
        }
        return true;
    }

    private static char lowerCase(char asciiChar) {
        return asciiChar >= 'A' && asciiChar <= 'Z' ? (char) (asciiChar + ('a' - 'A')) : asciiChar;
    }

    /** {@code ABBREVIATIONS.contains(norm)}. */
    private static boolean isAbbreviation(String norm) {
        if (norm.isEmpty() || norm.length() > LONGEST_ABBREVIATION) {
            return false;
        }
        int k = norm.charAt(0) - 'a';
        if (k < 0 || k >= 26) {
            return false;
        }
        for (String a : ABBREVIATIONS_BY_FIRST_LETTER[k]) {
            if (a.equals(norm)) {
                return true;
            }
        }
        return false;
    }

    private static boolean blankLineBetween(String text, int from, int to) {
        if (to - from < 2) {
            return false; // no room for two line breaks (most tokens stand a space apart or less)
        }
        int newlines = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n' && ++newlines == 2) {
                return true;
            }
        }
        return false;
    }
}
