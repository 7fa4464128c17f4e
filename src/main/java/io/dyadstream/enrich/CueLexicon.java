package io.dyadstream.enrich;

import java.util.ArrayList;
import java.util.List;

/**
 * Cue phrases an analyst can extend without touching code: one TSV file under {@code lexicon/} per
 * use, each row {@code LABEL <tab> pattern [<tab> weight or qualifier]}. A pattern is a sequence of slots separated
 * by spaces; a slot lists alternatives separated by '|', with '_' for a space inside one
 * ({@code prime_minister}); a slot in parentheses is optional. So
 * {@code sign|signed|signing (a|an|the) memorandum|memorandums} stands for twenty-four phrases.
 */
public final class CueLexicon {

    /**
     * A cue: its label (an event type, a sector, a modality, a role), a weight in (0, 1] and a
     * qualifier (the third column when it is a word, e.g. a modality cue's scope BEFORE or AFTER).
     */
    public record Cue(String label, double weight, String qualifier) {}

    /** The label of phrases that hold a cue word but are no cue ("prisoners of war"); matched only to shadow the cue. */
    public static final String NONE = "NONE";

    private final PhraseMatcher<Cue> matcher;

    private CueLexicon(boolean stemmed) {
        this.matcher = new PhraseMatcher<>(stemmed);
    }

    /** A lexicon matched word for word (roles, names). */
    public static CueLexicon load(String resource) {
        return load(resource, false);
    }

    /** A lexicon matched by word stems, so that "detain" also finds "detained" and "detaining". */
    public static CueLexicon loadStemmed(String resource) {
        return load(resource, true);
    }

    private static CueLexicon load(String resource, boolean stemmed) {
        CueLexicon lexicon = new CueLexicon(stemmed);
        Gazetteer.read(resource, row -> {
            if (row.length < 2) {
                throw new IllegalArgumentException("expected LABEL<tab>pattern[<tab>weight]");
            }
            String third = row.length > 2 ? row[2].strip() : "";
            boolean numeric = !third.isEmpty() && (Character.isDigit(third.charAt(0)) || third.charAt(0) == '.');
            Cue cue = new Cue(row[0].strip(), numeric ? Double.parseDouble(third) : 1.0, numeric ? "" : third);
            for (String phrase : expand(row[1].strip())) {
                lexicon.matcher.add(phrase, cue);
            }
        });
        return lexicon;
    }

    public PhraseMatcher<Cue> matcher() {
        return matcher;
    }

    /** All phrases a pattern stands for. */
    static List<String> expand(String pattern) {
        List<String> phrases = new ArrayList<>();
        phrases.add("");
        for (String slot : pattern.split("\\s+")) {
            boolean optional = slot.startsWith("(") && slot.endsWith(")");
            String body = optional ? slot.substring(1, slot.length() - 1) : slot;
            List<String> next = new ArrayList<>();
            for (String prefix : phrases) {
                if (optional) {
                    next.add(prefix);
                }
                for (String alt : body.split("\\|")) {
                    if (!alt.isEmpty()) {
                        String words = alt.replace('_', ' ');
                        next.add(prefix.isEmpty() ? words : prefix + " " + words);
                    }
                }
            }
            phrases = next;
        }
        phrases.removeIf(String::isEmpty);
        return phrases;
    }
}
