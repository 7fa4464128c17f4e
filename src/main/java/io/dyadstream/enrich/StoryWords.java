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

    /** In {@link #flags}, beside the {@link WordClass} bits: a capitalized token. */
    private static final int CAPITALIZED = 1 << 30;
    /** In {@link #flags}, beside the {@link WordClass} bits: a number. */
    private static final int NUMBER = 1 << 29;
    /**
     * In {@link #flags}, below {@link #NUMBER}: a bit for each of the first {@code START_BITS}
     * {@link PhraseMatcher}s of a vocabulary, set for a token whose word starts a phrase of that
     * matcher ({@link Vocabulary#register}), so that a matcher scans the story's flags, in order,
     * rather than looking each token up in its first words, a table of the size of the vocabulary.
     */
    static final int START_BITS = 8;
    private static final int FIRST_START_BIT = 1 << (29 - START_BITS);

    static {
        for (WordClass c : WordClass.values()) {
            if (Integer.compareUnsigned(c.bit(), FIRST_START_BIT) >= 0) {
                throw new AssertionError("too many word classes for the flags of StoryWords: " + c);
            }
        }
    }

    /** Collects the words of tokens as they are made, in order. */
    static final class Builder {
        private final Vocabulary vocabulary;
        private int size;
        private int[] norms;
        private int[] stems;
        private int[] flags;
        /** Whether the vocabulary sets the start bits of the tokens ({@link #START_BITS}): once it is complete. */
        private final boolean starts;

        Builder(Vocabulary vocabulary, int capacity) {
            this.vocabulary = vocabulary;
            this.starts = vocabulary.isComplete();
            allocate(Math.max(capacity, 4));
        }

        /** Adds the next token, whose normal form has the id {@code normId} in the vocabulary. */
        void add(Token t, int normId) {
            add(t, normId, t.isCapitalized());
        }

        /** As {@link #add(Token, int)}, where the caller knows already whether the token is capitalized. */
        void add(Token t, int normId, boolean isCapitalized) {
            int stemId = vocabulary.stemId(t, normId);
            add(normId, stemId, vocabulary.classes(normId) | vocabulary.startBits(normId, stemId)
                    | (isCapitalized ? CAPITALIZED : 0) | (t.kind() == Token.Kind.NUMBER ? NUMBER : 0));
        }

        /**
         * Adds the next token, a word whose normal form has the id {@code normId} (maybe
         * {@link Vocabulary#ABSENT}) and whose stem has the id {@code stemId}: {@code add(t, normId,
         * isCapitalized)} for a word whose stem id the caller has looked up already.
         */
        void addWord(int normId, int stemId, boolean isCapitalized) {
            add(normId, stemId, vocabulary.classes(normId) | vocabulary.startBits(normId, stemId) | (isCapitalized ? CAPITALIZED : 0));
        }

        /**
         * As {@link #addWord(int, int, boolean)}, where the caller knows the word's classes and start
         * bits ({@link Vocabulary#classes}, {@link Vocabulary#startBits}) already.
         */
        void addWord(int normId, int stemId, int classesAndStarts, boolean isCapitalized) {
            add(normId, stemId, classesAndStarts | (isCapitalized ? CAPITALIZED : 0));
        }

        private void add(int normId, int stemId, int flagBits) {
            int i = size;
            if (i == norms.length) {
                allocate(2 * i);
            }
            norms[i] = normId;
            stems[i] = stemId;
            flags[i] = flagBits;
            size = i + 1;
        }

        StoryWords build() {
            return new StoryWords(vocabulary, size, norms, stems, flags, starts);
        }

        private void allocate(int capacity) {
            norms = norms == null ? new int[capacity] : Arrays.copyOf(norms, capacity);
            stems = stems == null ? new int[capacity] : Arrays.copyOf(stems, capacity);
            flags = flags == null ? new int[capacity] : Arrays.copyOf(flags, capacity);
        }
    }

    private final Vocabulary vocabulary;
    private final int size;
    private final int[] norms;
    private final int[] stems;
    /** By token: its {@link WordClass} bits, {@link #CAPITALIZED} and {@link #NUMBER}, in one int (one store, one read). */
    private final int[] flags;
    private final boolean starts;

    /** The arrays may be longer than {@code size}; only their first {@code size} entries are the story's. */
    private StoryWords(Vocabulary vocabulary, int size, int[] norms, int[] stems, int[] flags, boolean starts) {
        this.vocabulary = vocabulary;
        this.size = size;
        this.norms = norms;
        this.stems = stems;
        this.flags = flags;
        this.starts = starts;
    }

    /** The start bit of the matcher number {@code k} of a vocabulary ({@link #START_BITS}). */
    static int startBit(int k) {
        return FIRST_START_BIT << k;
    }

    /**
     * The flags of the tokens, with their start bits ({@link #START_BITS}), for a matcher of
     * {@code matcherVocabulary}; null when the vocabulary set no start bits (it was not complete).
     */
    int[] startFlags(Vocabulary matcherVocabulary) {
        if (matcherVocabulary != vocabulary) {
            throw new IllegalArgumentException("story words looked up in another vocabulary than the matcher's");
        }
        return starts ? flags : null;
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
        return (flags[i] & c.bit()) != 0;
    }

    boolean capitalized(int i) {
        return (flags[i] & CAPITALIZED) != 0;
    }

    /** Whether token {@code i} is a {@link Token.Kind#NUMBER}. */
    boolean number(int i) {
        return (flags[i] & NUMBER) != 0;
    }

    int size() {
        return size;
    }
}
