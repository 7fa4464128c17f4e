package io.dyadstream.enrich;

/**
 * A light suffix stripper for cue matching, so that one lexicon form covers its inflections:
 * "detain", "detained", "detaining", "detains" all become "detain"; "rammed" and "ramming" become
 * "ram"; "agree" and "agrees" become "agre" (but "agreed" becomes "agr": the final "e" goes after
 * the "-ed"). Both the lexicon phrases and the story's words go through it, so the stems only need
 * to agree with each other, not to be words.
 *
 * <p>The rules, tried in order, the first that applies wins: "-ies" and "-ied" become "-y" (words of
 * five letters or more); "-ing" goes (six or more), and "-ed" (five or more), each undoubling a final
 * consonant; "-ses", "-xes", "-ches", "-shes" lose "-es" (five or more); a final "s" goes unless the word
 * ends in "ss", "us" or "is". Then a final "e" goes from what is left when that is longer than three
 * letters. Words of three letters or less, and words that do not end in a letter, stay as they are.
 * Words of stories the {@link Vocabulary} does not know go through here, so the rules test
 * characters, and {@link #cut} gives the stem without making it.
 */
final class Stemmer {

    private Stemmer() {}

    static String stem(String w) {
        int cut = cut(w);
        int end = cut >>> 1;
        if ((cut & 1) != 0) {
            return w.substring(0, end) + "y";
        }
        return end == w.length() ? w : w.substring(0, end);
    }

    /**
     * Where the stem of {@code w} ends, without making it: the stem is w[0, end) followed by "y" when
     * the result's lowest bit is set ({@code end << 1 | y}). So a word's stem can be looked up in a
     * table of stems without a string being made for it ({@link Vocabulary}).
     */
    static int cut(String w) {
        int n = w.length();
        if (n <= 3 || !Character.isLetter(w.charAt(n - 1))) {
            return n << 1;
        }
        char last = w.charAt(n - 1);
        char second = w.charAt(n - 2);
        char third = w.charAt(n - 3);
        int end = n; // the stem is w[0, end), plus "y" when toY
        boolean toY = false;
        if (n > 4 && third == 'i' && second == 'e' && (last == 's' || last == 'd')) {
            end = n - 3; // -ies, -ied
            toY = true;
        } else if (n > 5 && third == 'i' && second == 'n' && last == 'g') {
            end = undouble(w, n - 3); // -ing
        } else if (n > 4 && second == 'e' && last == 'd') {
            end = undouble(w, n - 2); // -ed
        } else if (n > 4 && second == 'e' && last == 's' && (third == 's' || third == 'x'
                || (third == 'h' && (w.charAt(n - 4) == 'c' || w.charAt(n - 4) == 's')))) {
            end = n - 2; // -ses, -xes, -ches, -shes
        } else if (last == 's' && second != 's' && second != 'u' && second != 'i') {
            end = n - 1;
        }
        if (toY) {
            return end << 1 | 1;
        }
        if (end > 3 && w.charAt(end - 1) == 'e') {
            end--;
        }
        return end << 1;
    }

    /**
     * The end of w[0, end) with a doubled final consonant undoubled: "ramm" -> "ram", "bann" -> "ban";
     * but "kill", "press", "shell" keep their double letters.
     */
    private static int undouble(String w, int end) {
        if (end >= 3 && w.charAt(end - 1) == w.charAt(end - 2)) {
            char c = w.charAt(end - 1);
            if (c != 'l' && c != 's' && c != 'z' && c != 'f' && "aeiou".indexOf(c) < 0) {
                return end - 1;
            }
        }
        return end;
    }
}
