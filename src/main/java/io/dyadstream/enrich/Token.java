package io.dyadstream.enrich;

/**
 * One token of a story: its offsets in the text, the text as written, and {@code norm}, the form the
 * matchers compare (lower case, accents folded, typographic apostrophes made plain).
 */
public record Token(int start, int end, String text, String norm, Kind kind) {

    public enum Kind { WORD, NUMBER, PUNCT }

    /**
     * The form the stemmed cue matchers compare ({@link Stemmer}), made when asked for: a story's
     * {@link Vocabulary} lookup knows the stems of the words it holds, and needs this only for the others.
     */
    public String stem() {
        return kind == Kind.WORD ? Stemmer.stem(norm) : norm;
    }

    public boolean isWord() {
        return kind == Kind.WORD;
    }

    /** Starts with an upper-case letter ("Belarus", "U.S.", "KAZINFORM"). */
    public boolean isCapitalized() {
        return kind == Kind.WORD && Character.isUpperCase(text.charAt(0));
    }

    /** Two or more letters, all upper case ("MINSK", "EAEU"). */
    public boolean isAllCaps() {
        if (kind != Kind.WORD || text.length() < 2) {
            return false;
        }
        boolean letters = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                // in ASCII the lower-case letters are a-z, the letters a-z and A-Z
                if (c >= 'a' && c <= 'z') {
                    return false;
                }
                letters |= c >= 'A' && c <= 'Z';
            } else {
                if (Character.isLowerCase(c)) {
                    return false;
                }
                letters |= Character.isLetter(c);
            }
        }
        return letters;
    }

    public boolean is(String normalForm) {
        return norm.equals(normalForm);
    }
}
