package io.dyadstream.enrich;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cue phrases an analyst can extend without touching code: one TSV file under {@code lexicon/} per
 * use, each row {@code LABEL <tab> pattern [<tab> weight or qualifier]} or {@code LABEL <tab> pattern <tab>
 * weight <tab> qualifier}. A pattern is a sequence of slots separated
 * by spaces; a slot lists alternatives separated by '|', with '_' for a space inside one
 * ({@code prime_minister}); a slot in parentheses is optional. So
 * {@code sign|signed|signing (a|an|the) memorandum|memorandums} stands for twenty-four phrases.
 */
public final class CueLexicon {

    /**
     * A cue: its label (an event type, a sector, a modality, a role), a weight in (0, 1] and a
     * qualifier (the third column when it is a word, e.g. a modality cue's scope BEFORE or AFTER). In a
     * lexicon whose labels are an enum's constants, {@code constant} is the label's constant (null for
     * {@link #NONE}), so that the rules need not look the label up for every cue they read.
     */
    public record Cue(String label, double weight, String qualifier, Enum<?> constant) {}

    /** The label of phrases that hold a cue word but are no cue ("prisoners of war"); matched only to shadow the cue. */
    public static final String NONE = "NONE";

    private final PhraseMatcher<Cue> matcher;
    /** A bit for each label, in the order the labels first appear ({@link #labelBit}). */
    private final Map<String, Long> labelBits = new HashMap<>();

    private CueLexicon(Vocabulary vocabulary, boolean stemmed) {
        this.matcher = new PhraseMatcher<>(vocabulary, stemmed, cue -> newLabelBit(cue.label()));
    }

    /**
     * The bit of a label in the {@link PhraseMatcher.Match#tags} of this lexicon's matches, 0 for a
     * label the lexicon does not have: {@code (match.tags() & labelBit("OFFICE")) != 0} is whether one
     * of the match's cues is an office.
     */
    public long labelBit(String label) {
        return labelBits.getOrDefault(label, 0L);
    }

    private long newLabelBit(String label) {
        Long bit = labelBits.get(label);
        if (bit == null) {
            if (labelBits.size() == Long.SIZE) {
                throw new IllegalStateException("more than " + Long.SIZE + " labels in one lexicon");
            }
            bit = 1L << labelBits.size();
            labelBits.put(label, bit);
        }
        return bit;
    }

    /** A lexicon matched word for word (roles, names). */
    public static CueLexicon load(String resource) {
        return load(resource, new Vocabulary(), false);
    }

    /** A lexicon matched by word stems, so that "detain" also finds "detained" and "detaining". */
    public static CueLexicon loadStemmed(String resource) {
        return load(resource, new Vocabulary(), true);
    }

    /** As {@link #load(String)} or {@link #loadStemmed(String)}, its words numbered in {@code vocabulary}. */
    static CueLexicon load(String resource, Vocabulary vocabulary, boolean stemmed) {
        return load(resource, vocabulary, stemmed, null);
    }

    /** As {@link #load(String, Vocabulary, boolean, Set, Class)}, with no constants. */
    static CueLexicon load(String resource, Vocabulary vocabulary, boolean stemmed, Set<String> labels) {
        return load(resource, vocabulary, stemmed, labels, null);
    }

    /**
     * As {@link #load(String, Vocabulary, boolean)}, where every row's label must be one of {@code labels}
     * (null: any): a misspelt label fails the load with its file and line instead of a cue that never counts.
     * With {@code constants}, each label but {@link #NONE} names a constant of that enum, the cue's {@link Cue#constant}.
     */
    static <E extends Enum<E>> CueLexicon load(String resource, Vocabulary vocabulary, boolean stemmed, Set<String> labels,
            Class<E> constants) {
        CueLexicon lexicon = new CueLexicon(vocabulary, stemmed);
        Gazetteer.read(resource, row -> {
            if (row.length < 2) {
                throw new IllegalArgumentException("expected LABEL<tab>pattern[<tab>weight]");
            }
            if (labels != null && !labels.contains(row[0].strip())) {
                throw new IllegalArgumentException("unknown label '" + row[0].strip() + "', expected one of " + new java.util.TreeSet<>(labels));
            }
            String third = row.length > 2 ? row[2].strip() : "";
            boolean numeric = !third.isEmpty() && (Character.isDigit(third.charAt(0)) || third.charAt(0) == '.');
            String qualifier = numeric ? (row.length > 3 ? row[3].strip() : "") : third;
            // labels interned: the rules compare them with constants, and equal references compare at once
            String label = row[0].strip().intern();
            Enum<?> constant = constants == null || label.equals(NONE) ? null : Enum.valueOf(constants, label);
            Cue cue = new Cue(label, numeric ? Double.parseDouble(third) : 1.0, qualifier.intern(), constant);
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
