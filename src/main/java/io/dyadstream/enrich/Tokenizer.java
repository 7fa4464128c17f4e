package io.dyadstream.enrich;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into words, numbers and punctuation in one pass. Keeps dotted abbreviations whole
 * ("U.S.", "U.A.E."), numbers with decimal or thousands separators whole ("46.6", "1,546"), and splits
 * the possessive "'s" and hyphens into tokens of their own, so that "Pakistan's" and "Nur-Sultan" match
 * the gazetteer the same way as its entries, which go through this tokenizer too.
 *
 * <p>Given a {@link Vocabulary}, it also looks each token up as it makes it ({@link StoryWords}): an
 * ASCII word is found straight from the text, and a known word takes the vocabulary's string as its
 * normal form (and as its text, when written in lower case), so that most words need no string of
 * their own and no second pass.
 */
public final class Tokenizer {

    /** A story's tokens and their words. */
    record Tokenized(List<Token> tokens, StoryWords words) {}

    /** The one-character strings of ASCII, shared by all punctuation tokens rather than made anew for each. */
    private static final String[] ASCII = new String[128];

    static {
        for (char c = 0; c < ASCII.length; c++) {
            ASCII[c] = String.valueOf(c);
        }
    }

    private final String text;
    /** The text's characters: the scans below read them from an array rather than through the string. */
    private final char[] chars;
    private final List<Token> tokens;
    /** With a vocabulary, the tokens' words, looked up as the tokens are made; else null. */
    private final Vocabulary vocabulary;
    private final StoryWords.Builder words;

    private Tokenizer(String text, Vocabulary vocabulary) {
        int capacity = text.length() / 5 + 4;
        this.text = text;
        this.chars = text.toCharArray();
        this.tokens = new ArrayList<>(capacity);
        this.vocabulary = vocabulary;
        this.words = vocabulary == null ? null : new StoryWords.Builder(vocabulary, capacity);
    }

    public static List<Token> tokenize(String text) {
        Tokenizer tokenizer = new Tokenizer(text, null);
        tokenizer.run();
        return tokenizer.tokens;
    }

    /** The tokens of a story and their words in {@code vocabulary}, in one pass. */
    static Tokenized tokenize(String text, Vocabulary vocabulary) {
        Tokenizer tokenizer = new Tokenizer(text, vocabulary);
        tokenizer.run();
        return new Tokenized(tokenizer.tokens, tokenizer.words.build());
    }

    private void run() {
        int n = chars.length;
        int i = 0;
        while (i < n) {
            char c = chars[i];
            if (c < 0x80) {
                // ASCII, the common case, classified without the Unicode tables: the same classes as below
                if (c <= ' ' || c == 0x7f) {
                    i++;
                } else if (c >= '0' && c <= '9') {
                    i = number(i);
                } else if (isAsciiLetter(c)) {
                    i = word(i);
                } else {
                    String norm = normPunct(c);
                    Token t = new Token(i, i + 1, ASCII[c], norm, Token.Kind.PUNCT);
                    tokens.add(t);
                    if (words != null) {
                        words.add(t, vocabulary.normId(norm.charAt(0))); // an ASCII mark's normal form is one ASCII character
                    }
                    i++;
                }
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c) || c == '\ufeff') {
                i++;
            } else if (Character.isDigit(c)) {
                i = number(i);
            } else if (Character.isLetter(c)) {
                i = word(i);
            } else if (Character.isHighSurrogate(c) && i + 1 < n) {
                add(new Token(i, i + 2, text.substring(i, i + 2), text.substring(i, i + 2), Token.Kind.PUNCT));
                i += 2;
            } else {
                add(new Token(i, i + 1, String.valueOf(c), normPunct(c), Token.Kind.PUNCT));
                i++;
            }
        }
    }

    private void add(Token t) {
        tokens.add(t);
        if (words != null) {
            words.add(t, vocabulary.normId(t.norm()));
        }
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** {@code Character.isLetterOrDigit(c) || Character.getType(c) == NON_SPACING_MARK}, with a shortcut for ASCII. */
    private static boolean isWordChar(char c) {
        if (c < 0x80) {
            return isAsciiLetter(c) || (c >= '0' && c <= '9');
        }
        return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    private int number(int start) {
        int n = chars.length;
        int i = start;
        while (i < n) {
            char c = chars[i];
            if (Character.isDigit(c)) {
                i++;
            } else if ((c == '.' || c == ',') && i + 1 < n && Character.isDigit(chars[i + 1])) {
                i++;
            } else {
                break;
            }
        }
        // "20th", "1990s": a number with a letter tail stays one token
        while (i < n && Character.isLetter(chars[i])) {
            i++;
        }
        String s = text.substring(start, i);
        add(new Token(start, i, s, s.toLowerCase(), Token.Kind.NUMBER));
        return i;
    }

    private int word(int start) {
        int n = chars.length;
        int dotted = dottedAbbreviation(start);
        if (dotted > start) {
            addWord(start, dotted);
            return dotted;
        }
        int i = start;
        // the hash of the word's lower case, for the vocabulary, is worked out on the way (see addWord)
        int hash = 0;
        boolean ascii = true;
        boolean upper = false;
        // the common case first: a run of ASCII letters and digits, one range test each
        while (i < n) {
            char c = chars[i];
            int lower = c | 0x20; // a-z for A-Z and a-z, and no other character
            if ((char) (lower - 'a') < 26) {
                upper |= c <= 'Z';
                hash = 31 * hash + lower;
                i++;
            } else if ((char) (c - '0') < 10) {
                hash = 31 * hash + c;
                i++;
            } else {
                break;
            }
        }
        // then anything else the word may hold (O'Brien, Agenda.ge, accented letters), and the rest of it
        while (i < n) {
            char c = chars[i];
            if (isWordChar(c)
                    || (c == '\'' || c == '\u2019') && i + 1 < n && Character.isLetter(chars[i + 1]) && !isPossessive(i) // O'Brien, d'Ivoire
                    || c == '.' && i + 1 < n && Character.isLetter(chars[i + 1]) && i > start // Agenda.ge, Astana.kz
                            && Character.isLowerCase(chars[i + 1]) && Character.isLowerCase(chars[i - 1]) && isDomainTail(i + 1)) {
                if (c > 0x7f) {
                    ascii = false;
                } else if (c >= 'A' && c <= 'Z') {
                    upper = true;
                    c += 'a' - 'A';
                }
                hash = 31 * hash + c;
                i++;
            } else {
                break;
            }
        }
        addWord(start, i, hash, ascii, upper);
        if (i < n && isPossessive(i)) {
            int end = i + 2;
            add(new Token(i, end, text.substring(i, end), "'s", Token.Kind.WORD));
            return end;
        }
        return i;
    }

    /** Adds the word {@code text[start, end)} (a dotted abbreviation: "U.S."). */
    private void addWord(int start, int end) {
        int hash = 0;
        boolean ascii = true;
        boolean upper = false;
        for (int j = start; j < end; j++) {
            char c = chars[j];
            if (c > 0x7f) {
                ascii = false;
            } else if (c >= 'A' && c <= 'Z') {
                upper = true;
                c += 'a' - 'A';
            }
            hash = 31 * hash + c;
        }
        addWord(start, end, hash, ascii, upper);
    }

    /**
     * Adds the word {@code text[start, end)}; {@code hash} is the string hash of its lower case when
     * it is all {@code ascii}, and {@code upper} whether it has capitals. With a vocabulary, an ASCII
     * word is looked up by that hash before any string is made: a known word takes the vocabulary's
     * string as its normal form, and as its text too when written in lower case.
     */
    private void addWord(int start, int end, int hash, boolean ascii, boolean upper) {
        if (words == null || !ascii) {
            String s = text.substring(start, end);
            add(new Token(start, end, s, normalize(s), Token.Kind.WORD));
            return;
        }
        int slot = vocabulary.normSlot(chars, start, end, hash);
        char first = chars[start];
        boolean capitalized = first >= 'A' && first <= 'Z'; // an ASCII word: capitalized means A-Z first
        if (slot >= 0) {
            // the id, stem id and classes are all in the slot the lookup has read
            int id = vocabulary.normIdAt(slot);
            String norm = vocabulary.norm(id);
            tokens.add(new Token(start, end, upper ? text.substring(start, end) : norm, norm, Token.Kind.WORD));
            words.addWord(id, vocabulary.stemIdAt(slot), vocabulary.classesAt(slot), capitalized);
        } else {
            String s = text.substring(start, end);
            String norm = upper ? s.toLowerCase(java.util.Locale.ROOT) : s;
            tokens.add(new Token(start, end, s, norm, Token.Kind.WORD));
            words.addWord(Vocabulary.ABSENT, vocabulary.stemIdOfUnknownWord(norm, hash), capitalized);
        }
    }

    private boolean isDomainTail(int from) {
        int i = from;
        while (i < chars.length && Character.isLetter(chars[i])) {
            i++;
        }
        int len = i - from;
        return len >= 2 && len <= 3 && (i == chars.length || !Character.isLetterOrDigit(chars[i]));
    }

    private boolean isPossessive(int i) {
        char c = chars[i];
        if (c != '\'' && c != '\u2019') {
            return false;
        }
        if (i + 1 >= chars.length || (chars[i + 1] != 's' && chars[i + 1] != 'S')) {
            return false;
        }
        return i + 2 >= chars.length || !Character.isLetterOrDigit(chars[i + 2]);
    }

    /** "U.S.", "U.A.E.", "e.g." — single letters each followed by a dot; returns the end or {@code start}. */
    private int dottedAbbreviation(int start) {
        int n = chars.length;
        int i = start;
        int letters = 0;
        while (i + 1 < n && chars[i + 1] == '.' && Character.isLetter(chars[i])) {
            i += 2;
            letters++;
        }
        return letters >= 2 ? i : start;
    }

    private static String normPunct(char c) {
        return switch (c) {
            case '\u2019', '\u2018', '`' -> "'";
            case '\u201c', '\u201d', '\u00ab', '\u00bb' -> "\"";
            case '\u2013', '\u2014', '\u2212' -> "-";
            default -> c < 0x80 ? ASCII[c] : String.valueOf(c);
        };
    }

    /** Lower case with accents folded and typographic apostrophes made plain; shared with the gazetteer. */
    public static String normalize(String s) {
        boolean ascii = true;
        boolean upper = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 0x7f) {
                ascii = false;
                break;
            }
            upper |= c >= 'A' && c <= 'Z';
        }
        if (ascii) {
            // in ASCII only A-Z change case: a word without them is its own normal form
            return upper ? s.toLowerCase(java.util.Locale.ROOT) : s;
        }
        String folded = Normalizer.normalize(s.replace('\u2019', '\''), Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(java.util.Locale.ROOT);
    }
}
