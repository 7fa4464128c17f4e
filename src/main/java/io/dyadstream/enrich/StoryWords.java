package io.dyadstream.enrich;

import java.util.Arrays;

/**
 * A story's tokens in the compact form that the matchers and rules test over and over, by token
 * position: the {@link Vocabulary} ids of each token's normal form and stem ({@link Vocabulary#ABSENT}
 * for a word in no lexicon phrase), its {@link WordClass}es, whether it is capitalized
 * ({@link Token#isCapitalized}) and whether it is a number. Built once per story, as the
 * {@link Tokenizer} makes the tokens; reading these arrays costs far less than going through each
 * token to its strings.
 */
final class StoryWords {

    /** Collects the words of tokens as they are made, in order. */
    static final class Builder {
        private final Vocabulary vocabulary;
        private int size;
        private int[] norms;
        private int[] stems;
        private int[] classes;
        private boolean[] capitalized;
        private boolean[] number;

        Builder(Vocabulary vocabulary, int capacity) {
            this.vocabulary = vocabulary;
            allocate(Math.max(capacity, 4));
        }

        /** Adds the next token, whose normal form has the id {@code normId} in the vocabulary. */
        void add(Token t, int normId) {
            add(t, normId, t.isCapitalized());
        }

        /** As {@link #add(Token, int)}, where the caller knows already whether the token is capitalized. */
        void add(Token t, int normId, boolean isCapitalized) {
            if (size == norms.length) {
                allocate(2 * size);
            }
            norms[size] = normId;
            stems[size] = vocabulary.stemId(t, normId);
            classes[size] = vocabulary.classes(normId);
            capitalized[size] = isCapitalized;
            number[size] = t.kind() == Token.Kind.NUMBER;
            size++;
        }

        StoryWords build() {
            return new StoryWords(vocabulary, size, norms, stems, classes, capitalized, number);
        }

        private void allocate(int capacity) {
            norms = norms == null ? new int[capacity] : Arrays.copyOf(norms, capacity);
            stems = stems == null ? new int[capacity] : Arrays.copyOf(stems, capacity);
            classes = classes == null ? new int[capacity] : Arrays.copyOf(classes, capacity);
            capitalized = capitalized == null ? new boolean[capacity] : Arrays.copyOf(capitalized, capacity);
            number = number == null ? new boolean[capacity] : Arrays.copyOf(number, capacity);
        }
    }

    private final Vocabulary vocabulary;
    private final int size;
    private final int[] norms;
    private final int[] stems;
    private final int[] classes;
    private final boolean[] capitalized;
    private final boolean[] number;

    /** The arrays may be longer than {@code size}; only their first {@code size} entries are the story's. */
    private StoryWords(Vocabulary vocabulary, int size, int[] norms, int[] stems, int[] classes, boolean[] capitalized,
            boolean[] number) {
        this.vocabulary = vocabulary;
        this.size = size;
        this.norms = norms;
        this.stems = stems;
        this.classes = classes;
        this.capitalized = capitalized;
        this.number = number;
    }

    /** The ids a matcher of {@code matcherVocabulary} compares: stems for a stemmed matcher, else normal forms. */
    int[] keys(Vocabulary matcherVocabulary, boolean stemmed) {
        if (matcherVocabulary != vocabulary) {
            throw new IllegalArgumentException("story words looked up in another vocabulary than the matcher's");
        }
        return stemmed ? stems : norms;
    }

    /** Whether token {@code i} belongs to the word class {@code c}. */
    boolean in(int i, WordClass c) {
        return (classes[i] & c.bit()) != 0;
    }

    boolean capitalized(int i) {
        return capitalized[i];
    }

    /** Whether token {@code i} is a {@link Token.Kind#NUMBER}. */
    boolean number(int i) {
        return number[i];
    }

    int size() {
        return size;
    }
}
