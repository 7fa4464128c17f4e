package io.dyadstream.enrich;

import java.util.List;

/**
 * The words of the lexicon phrases, numbered: every normal form that occurs in a phrase of a
 * {@link PhraseMatcher} gets an int id, and so does every stem of a stemmed matcher (a second id
 * space). All matchers of the {@link Lexicons} share one vocabulary, so a story's tokens are looked
 * up once, as the {@link Tokenizer} makes them, and the matchers compare ints; a token that occurs
 * in no phrase gets {@link #ABSENT} and every matcher passes it over with one comparison. The words
 * of the {@link WordClass}es are numbered too (first), so that the same lookup gives a token its classes.
 *
 * <p>Filled while the lexicons load ({@link #add}), then {@linkplain #complete() completed} and only
 * read after that.
 */
public final class Vocabulary {

    /** The id of a word that occurs in no phrase and no word class. */
    static final int ABSENT = -1;

    private final WordTable norms = new WordTable();
    private final WordTable stems = new WordTable();
    /** The word classes of the normal forms numbered first, by id: a bit set of {@link WordClass#bit()}s. */
    private final int[] classesById;
    /**
     * Once complete: by normal-form id, the stem id of a word token with that normal form, and of a
     * number or punctuation token (whose stem is the normal form itself).
     */
    private int[] stemsOfWords;
    private int[] stemsOfOthers;
    /**
     * Once complete: by the first two letters of a word (a-z, {@code 26 * first + second}), whether a
     * stem starts with them. A stem keeps the first two letters of its word ({@link Stemmer}), so a word
     * whose first two letters start no stem has no stem in the vocabulary, without being stemmed.
     */
    private boolean[] stemStarts;
    /** Once complete: the ids of the one-character ASCII normal forms (punctuation), by character. */
    private int[] asciiIds;
    private boolean complete;
    /** The matchers with a start bit ({@link #register}), in the order of their bits. */
    private final List<PhraseMatcher<?>> matchers = new java.util.ArrayList<>();
    /**
     * Once complete: by normal-form id, the start bits of the matchers of normal forms whose phrases
     * it starts; by stem id, those of the stemmed matchers ({@link StoryWords#START_BITS}).
     */
    private int[] normStarts;
    private int[] stemPhraseStarts;

    public Vocabulary() {
        for (WordClass c : WordClass.values()) {
            c.words().forEach(norms::add);
        }
        classesById = new int[norms.size()];
        for (WordClass c : WordClass.values()) {
            c.words().forEach(w -> classesById[norms.get(w)] |= c.bit());
        }
    }

    /** The id of a phrase word (a normal form, or with {@code stem} a stem), numbering it if it is new. */
    int add(String word, boolean stem) {
        if (complete) {
            throw new IllegalStateException("the vocabulary is complete: no words can be added");
        }
        return (stem ? stems : norms).add(word);
    }

    /**
     * Declares that no more words will be added, and works out the stem id of every normal form now:
     * then a story's tokens whose normal form is known (most) get their stem ids without being stemmed.
     */
    void complete() {
        normStarts = new int[norms.size()];
        stemPhraseStarts = new int[stems.size()];
        for (int k = 0; k < matchers.size(); k++) {
            matchers.get(k).markFirstWords(StoryWords.startBit(k), normStarts, stemPhraseStarts);
        }
        stemsOfWords = new int[norms.size()];
        stemsOfOthers = new int[norms.size()];
        norms.forEach((norm, id) -> {
            stemsOfWords[id] = stems.get(Stemmer.stem(norm));
            stemsOfOthers[id] = stems.get(norm);
            int starts = normStarts[id] | (stemsOfWords[id] == ABSENT ? 0 : stemPhraseStarts[stemsOfWords[id]]);
            // beside the id in the table, for a word found in a story's text (normSlot)
            norms.setValue(id, (long) stemsOfWords[id] << 32 | ((classes(id) | starts) & 0xFFFFFFFFL));
        });
        stemStarts = new boolean[26 * 26];
        stems.forEach((stem, id) -> {
            int k = letterPair(stem);
            if (k >= 0) {
                stemStarts[k] = true;
            }
        });
        asciiIds = new int[128];
        for (char c = 0; c < asciiIds.length; c++) {
            asciiIds[c] = norms.get(String.valueOf(c));
        }
        complete = true;
    }

    boolean isComplete() {
        return complete;
    }

    /**
     * Gives {@code matcher}, a matcher of this vocabulary, a start bit of the story words
     * ({@link StoryWords#START_BITS}), or 0 when they are all taken or the vocabulary is complete.
     */
    int register(PhraseMatcher<?> matcher) {
        if (complete || matchers.size() >= StoryWords.START_BITS) {
            return 0;
        }
        matchers.add(matcher);
        return StoryWords.startBit(matchers.size() - 1);
    }

    /**
     * The start bits of a token with the normal-form id {@code normId} and the stem id
     * {@code stemId} (either maybe {@link #ABSENT}); 0 until complete.
     */
    int startBits(int normId, int stemId) {
        if (!complete) {
            return 0;
        }
        return (normId == ABSENT ? 0 : normStarts[normId]) | (stemId == ABSENT ? 0 : stemPhraseStarts[stemId]);
    }

    /** The {@link StoryWords} of tokens made without the vocabulary (a phrase, a test): each looked up by its normal form. */
    StoryWords lookUp(List<Token> tokens) {
        StoryWords.Builder words = new StoryWords.Builder(this, tokens.size());
        for (Token t : tokens) {
            words.add(t, normId(t.norm()));
        }
        return words.build();
    }

    /** The id of a normal form, or {@link #ABSENT}. */
    int normId(String norm) {
        return norms.get(norm);
    }

    /** The id of the normal form that is the one ASCII character {@code c} (a punctuation mark), or {@link #ABSENT}. */
    int normId(char c) {
        return complete ? asciiIds[c] : norms.get(String.valueOf(c));
    }

    /** The id of the lower case of the ASCII span {@code text[start, end)}, whose string hash is {@code hash}, or {@link #ABSENT}. */
    int normId(char[] text, int start, int end, int hash) {
        return norms.get(hash, text, start, end);
    }

    /**
     * The place of the lower case of the ASCII span {@code text[start, end)}, whose string hash is
     * {@code hash}, in the table of normal forms, or -1: for {@link #normIdAt}, {@link #stemIdAt} and
     * {@link #classesAt}, which read it in the one slot the lookup has read already.
     */
    int normSlot(char[] text, int start, int end, int hash) {
        return norms.find(hash, text, start, end);
    }

    /** The id of the normal form at {@code slot} ({@link #normSlot}). */
    int normIdAt(int slot) {
        return norms.idAt(slot);
    }

    /** {@link #stemIdOfKnownWord} of the normal form at {@code slot} ({@link #normSlot}). */
    int stemIdAt(int slot) {
        return complete ? (int) (norms.valueAt(slot) >>> 32) : stemIdOfKnownWord(norms.idAt(slot));
    }

    /** {@link #classes} of the normal form at {@code slot} ({@link #normSlot}), and once complete its {@link #startBits} as a word. */
    int classesAt(int slot) {
        return complete ? (int) norms.valueAt(slot) : classes(norms.idAt(slot));
    }

    /** The normal form with id {@code id}. */
    String norm(int id) {
        return norms.word(id);
    }

    /** The {@link WordClass} bits of the normal form with id {@code normId} (maybe {@link #ABSENT}). */
    int classes(int normId) {
        return normId >= 0 && normId < classesById.length ? classesById[normId] : 0;
    }

    /**
     * The stem id of a word token whose normal form has the id {@code normId} (not {@link #ABSENT}):
     * {@code stemId(t, normId)} for such a token.
     */
    int stemIdOfKnownWord(int normId) {
        return complete ? stemsOfWords[normId] : stems.get(Stemmer.stem(norms.word(normId)));
    }

    /**
     * The stem id of a word token whose normal form {@code norm} the vocabulary does not know, and
     * whose string hash is {@code hash}: {@code stemId(t, ABSENT)} for such a token, without hashing
     * the normal form again.
     */
    int stemIdOfUnknownWord(String norm, int hash) {
        if (complete) {
            int k = letterPair(norm);
            if (k >= 0 && !stemStarts[k]) {
                return ABSENT;
            }
        }
        int cut = Stemmer.cut(norm);
        int end = cut >>> 1;
        boolean y = (cut & 1) != 0;
        if (end == norm.length() && !y) {
            return stems.get(hash, norm, end, false);
        }
        int stemHash = 0;
        for (int j = 0; j < end; j++) {
            stemHash = 31 * stemHash + norm.charAt(j);
        }
        return stems.get(y ? 31 * stemHash + 'y' : stemHash, norm, end, y);
    }

    /** {@code 26 * (first - 'a') + (second - 'a')} for a word whose first two characters are a-z, else -1. */
    private static int letterPair(String word) {
        if (word.length() < 2) {
            return -1;
        }
        int first = word.charAt(0) - 'a';
        int second = word.charAt(1) - 'a';
        return first >= 0 && first < 26 && second >= 0 && second < 26 ? 26 * first + second : -1;
    }

    /** The stem id of a token whose normal form has id {@code normId} (maybe {@link #ABSENT}). */
    int stemId(Token t, int normId) {
        if (complete && normId != ABSENT) {
            return t.kind() == Token.Kind.WORD ? stemsOfWords[normId] : stemsOfOthers[normId];
        }
        String norm = t.norm();
        if (t.kind() != Token.Kind.WORD) {
            return stems.get(norm);
        }
        // the stem is looked up where it lies in the normal form, rather than made first (Stemmer.cut)
        int cut = Stemmer.cut(norm);
        int end = cut >>> 1;
        boolean y = (cut & 1) != 0;
        if (end == norm.length() && !y) {
            return stems.get(norm);
        }
        int hash = 0;
        for (int j = 0; j < end; j++) {
            hash = 31 * hash + norm.charAt(j);
        }
        return stems.get(y ? 31 * hash + 'y' : hash, norm, end, y);
    }

    /** Distinct normal forms and stems. */
    public int size() {
        return norms.size() + stems.size();
    }
}
