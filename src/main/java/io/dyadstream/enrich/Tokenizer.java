package io.dyadstream.enrich;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into words, numbers and punctuation in one pass. Keeps dotted abbreviations whole
 * ("U.S.", "U.A.E."), numbers with decimal or thousands separators whole ("46.6", "1,546"), and splits
 * the possessive "'s" and hyphens into tokens of their own, so that "Pakistan's" and "Nur-Sultan" match
 * the gazetteer the same way as its entries, which go through this tokenizer too.
 */
public final class Tokenizer {

    private Tokenizer() {}

    public static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>(text.length() / 5 + 4);
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c) || c == '\ufeff') {
                i++;
            } else if (Character.isDigit(c)) {
                i = number(text, i, tokens);
            } else if (Character.isLetter(c)) {
                i = word(text, i, tokens);
            } else if (Character.isHighSurrogate(c) && i + 1 < n) {
                tokens.add(new Token(i, i + 2, text.substring(i, i + 2), text.substring(i, i + 2), Token.Kind.PUNCT));
                i += 2;
            } else {
                String s = String.valueOf(c);
                tokens.add(new Token(i, i + 1, s, normPunct(c), Token.Kind.PUNCT));
                i++;
            }
        }
        return tokens;
    }

    private static int number(String text, int start, List<Token> tokens) {
        int n = text.length();
        int i = start;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isDigit(c)) {
                i++;
            } else if ((c == '.' || c == ',') && i + 1 < n && Character.isDigit(text.charAt(i + 1))) {
                i++;
            } else {
                break;
            }
        }
        // "20th", "1990s": a number with a letter tail stays one token
        while (i < n && Character.isLetter(text.charAt(i))) {
            i++;
        }
        String s = text.substring(start, i);
        tokens.add(new Token(start, i, s, s.toLowerCase(), Token.Kind.NUMBER));
        return i;
    }

    private static int word(String text, int start, List<Token> tokens) {
        int n = text.length();
        int dotted = dottedAbbreviation(text, start);
        if (dotted > start) {
            String s = text.substring(start, dotted);
            tokens.add(new Token(start, dotted, s, normalize(s), Token.Kind.WORD));
            return dotted;
        }
        int i = start;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK) {
                i++;
            } else if ((c == '\'' || c == '\u2019') && i + 1 < n && Character.isLetter(text.charAt(i + 1))
                    && !isPossessive(text, i)) {
                i++; // O'Brien, d'Ivoire, Cote d'Ivoire
            } else if (c == '.' && i + 1 < n && Character.isLetter(text.charAt(i + 1)) && i > start
                    && Character.isLowerCase(text.charAt(i + 1)) && Character.isLowerCase(text.charAt(i - 1))
                    && isDomainTail(text, i + 1)) {
                i++; // Agenda.ge, Astana.kz
            } else {
                break;
            }
        }
        String s = text.substring(start, i);
        tokens.add(new Token(start, i, s, normalize(s), Token.Kind.WORD));
        if (i < n && isPossessive(text, i)) {
            int end = i + 2;
            tokens.add(new Token(i, end, text.substring(i, end), "'s", Token.Kind.WORD));
            return end;
        }
        return i;
    }

    private static boolean isDomainTail(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isLetter(text.charAt(i))) {
            i++;
        }
        int len = i - from;
        return len >= 2 && len <= 3 && (i == text.length() || !Character.isLetterOrDigit(text.charAt(i)));
    }

    private static boolean isPossessive(String text, int i) {
        char c = text.charAt(i);
        if (c != '\'' && c != '\u2019') {
            return false;
        }
        if (i + 1 >= text.length() || (text.charAt(i + 1) != 's' && text.charAt(i + 1) != 'S')) {
            return false;
        }
        return i + 2 >= text.length() || !Character.isLetterOrDigit(text.charAt(i + 2));
    }

    /** "U.S.", "U.A.E.", "e.g." — single letters each followed by a dot; returns the end or {@code start}. */
    private static int dottedAbbreviation(String text, int start) {
        int n = text.length();
        int i = start;
        int letters = 0;
        while (i + 1 < n && Character.isLetter(text.charAt(i)) && text.charAt(i + 1) == '.') {
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
            default -> String.valueOf(c);
        };
    }

    /** Lower case with accents folded and typographic apostrophes made plain; shared with the gazetteer. */
    public static String normalize(String s) {
        boolean ascii = true;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7f) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return s.toLowerCase(java.util.Locale.ROOT);
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
