package io.dyadstream.enrich;

/**
 * A light suffix stripper for cue matching, so that one lexicon form covers its inflections:
 * "detain", "detained", "detaining", "detains" all become "detain"; "rammed" and "ramming" become
 * "ram"; "agree", "agreed", "agrees" become "agre". Both the lexicon phrases and the story's words go
 * through it, so the stems only need to agree with each other, not to be words.
 */
final class Stemmer {

    private Stemmer() {}

    static String stem(String w) {
        int n = w.length();
        if (n <= 3 || !Character.isLetter(w.charAt(n - 1))) {
            return w;
        }
        String s = w;
        if (s.endsWith("ies") && n > 4) {
            s = s.substring(0, n - 3) + "y";
        } else if (s.endsWith("ied") && n > 4) {
            s = s.substring(0, n - 3) + "y";
        } else if (s.endsWith("ing") && n > 5) {
            s = undouble(s.substring(0, n - 3));
        } else if (s.endsWith("ed") && n > 4) {
            s = undouble(s.substring(0, n - 2));
        } else if (s.endsWith("es") && n > 4 && (s.endsWith("ses") || s.endsWith("xes") || s.endsWith("ches") || s.endsWith("shes"))) {
            s = s.substring(0, n - 2);
        } else if (s.endsWith("s") && !s.endsWith("ss") && !s.endsWith("us") && !s.endsWith("is")) {
            s = s.substring(0, n - 1);
        }
        if (s.length() > 3 && s.endsWith("e")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    /** "ramm" -> "ram", "bann" -> "ban"; but "kill", "press", "shell" keep their double letters. */
    private static String undouble(String s) {
        int n = s.length();
        if (n >= 3 && s.charAt(n - 1) == s.charAt(n - 2)) {
            char c = s.charAt(n - 1);
            if (c != 'l' && c != 's' && c != 'z' && c != 'f' && "aeiou".indexOf(c) < 0) {
                return s.substring(0, n - 1);
            }
        }
        return s;
    }
}
