package io.dyadstream.enrich;

import java.util.Arrays;
import java.util.function.ObjIntConsumer;

/**
 * A map from words to their ids for the {@link Vocabulary}: open addressing over one array, each
 * slot four longs: the word's hash and id, where its characters lie in a shared pool, its first
 * eight characters in place (when it is ASCII) and a value the vocabulary keeps beside the id (its
 * stem id and word classes). A probe compares the hash in place and a likely hit of a word of eight
 * characters or less compares the characters in the slot: one cache line, where a map of strings
 * would go through an entry, the key object and its array. Every token of every story is looked up
 * here, most straight from the story's text ({@link #find(int, char[], int, int)}), before any
 * string is made for them.
 */
final class WordTable {

    /** A free slot: the id half of a used slot is never negative. */
    private static final long FREE = -1L;
    /** The longs of a slot. */
    private static final int SLOT = 4;
    /**
     * Where slot 0 starts in {@link #slots}: the array's data starts 16 bytes into the object, and a
     * large array (a humongous object for G1) starts at the start of a region, so that with 48 bytes
     * left out each slot of 32 bytes lies in one cache line.
     */
    private static final int BASE = 6;
    /** In the prefix long of a slot: a word that is not all ASCII, which no ASCII span is. */
    private static final long NOT_ASCII = -1L;

    /**
     * Slot k is slots[BASE + 4k] (hash in the high half, id in the low half), slots[BASE + 4k + 1]
     * (pool offset high, length low), slots[BASE + 4k + 2] (the first eight characters, one a byte,
     * the first in the lowest, or {@link #NOT_ASCII}) and slots[BASE + 4k + 3] (the value, {@link #setValue}).
     */
    private long[] slots;
    private char[] pool = new char[256];
    private int poolSize;
    /** The words by id, one string each, for the tokens that are found in the table. */
    private String[] byId = new String[16];
    private int shift;
    private int mask;
    private int size;

    WordTable() {
        allocate(4);
    }

    /** The id of {@code word}, or {@link Vocabulary#ABSENT}. */
    int get(String word) {
        int at = find(word);
        return at < 0 ? Vocabulary.ABSENT : (int) slots[at];
    }

    /** The place of {@code word}'s slot, or -1. */
    private int find(String word) {
        int hash = word.hashCode();
        for (int k = slot(hash); ; k = (k + 1) & mask) {
            int at = BASE + SLOT * k;
            long s = slots[at];
            if (s == FREE) {
                return -1;
            }
            if ((int) (s >>> 32) == hash && isAt(slots[at + 1], word)) {
                return at;
            }
        }
    }

    /**
     * The id of the lower case of {@code text[start, end)}, an ASCII span whose lower case has the
     * string hash {@code hash}, or {@link Vocabulary#ABSENT}.
     */
    int get(int hash, char[] text, int start, int end) {
        int at = find(hash, text, start, end);
        return at < 0 ? Vocabulary.ABSENT : idAt(at);
    }

    /**
     * The place of the slot of the lower case of {@code text[start, end)}, an ASCII span whose lower
     * case has the string hash {@code hash}, or -1: for {@link #idAt} and {@link #valueAt}.
     */
    int find(int hash, char[] text, int start, int end) {
        long[] slots = this.slots;
        int length = end - start;
        for (int k = slot(hash); ; k = (k + 1) & mask) {
            int at = BASE + SLOT * k;
            long s = slots[at];
            if (s == FREE) {
                return -1;
            }
            if ((int) (s >>> 32) == hash && (int) slots[at + 1] == length && isLowerCaseAt(at, text, start, end)) {
                return at;
            }
        }
    }

    /** The id in the slot at {@code at} ({@link #find(int, char[], int, int)}). */
    int idAt(int at) {
        return (int) slots[at];
    }

    /** The value in the slot at {@code at} ({@link #find(int, char[], int, int)}), 0 unless {@linkplain #setValue set}. */
    long valueAt(int at) {
        return slots[at + 3];
    }

    /** Keeps {@code value} beside the id {@code id} (a word in the table), for {@link #valueAt}. */
    void setValue(int id, long value) {
        slots[find(byId[id]) + 3] = value;
    }

    /**
     * The id of the stem {@code word[0, end)}, followed by "y" if {@code y}, whose string hash is
     * {@code hash} ({@link Stemmer#cut}), or {@link Vocabulary#ABSENT}.
     */
    int get(int hash, String word, int end, boolean y) {
        for (int k = slot(hash); ; k = (k + 1) & mask) {
            int at = BASE + SLOT * k;
            long s = slots[at];
            if (s == FREE) {
                return Vocabulary.ABSENT;
            }
            if ((int) (s >>> 32) == hash && isStemAt(slots[at + 1], word, end, y)) {
                return (int) s;
            }
        }
    }

    private boolean isStemAt(long where, String word, int end, boolean y) {
        int offset = (int) (where >>> 32);
        int length = (int) where;
        if (length != (y ? end + 1 : end)) {
            return false;
        }
        for (int j = 0; j < end; j++) {
            if (pool[offset + j] != word.charAt(j)) {
                return false;
            }
        }
        return !y || pool[offset + end] == 'y';
    }

    /** The word with id {@code id}. */
    String word(int id) {
        return byId[id];
    }

    /**
     * Whether the slot at {@code at}, of a word as long as the ASCII span {@code text[start, end)},
     * holds its lower case: the first eight characters compared in the slot, any others in the pool.
     */
    private boolean isLowerCaseAt(int at, char[] text, int start, int end) {
        int inPlace = Math.min(end - start, 8);
        long packed = 0;
        for (int j = 0; j < inPlace; j++) {
            char c = text[start + j];
            packed |= (long) (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c) << (8 * j);
        }
        if (packed != slots[at + 2]) {
            return false;
        }
        if (end - start <= 8) {
            return true;
        }
        int offset = (int) (slots[at + 1] >>> 32);
        for (int j = 8; j < end - start; j++) {
            char c = text[start + j];
            if (pool[offset + j] != (c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the pool holds {@code word} at the place {@code where} (offset and length, packed). */
    private boolean isAt(long where, String word) {
        int offset = (int) (where >>> 32);
        int length = (int) where;
        if (length != word.length()) {
            return false;
        }
        for (int j = 0; j < length; j++) {
            if (pool[offset + j] != word.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    /** The id of {@code word}, giving it the next id if it is new. */
    int add(String word) {
        int id = get(word);
        if (id != Vocabulary.ABSENT) {
            return id;
        }
        if (2 * (size + 1) > capacity()) {
            long[] old = slots;
            int oldCapacity = capacity();
            allocate(Integer.numberOfTrailingZeros(oldCapacity) + 1);
            for (int k = 0; k < oldCapacity; k++) {
                int at = BASE + SLOT * k;
                if (old[at] != FREE) {
                    insert(old[at], old[at + 1], old[at + 2], old[at + 3]);
                }
            }
        }
        if (poolSize + word.length() > pool.length) {
            pool = Arrays.copyOf(pool, Math.max(2 * pool.length, poolSize + word.length()));
        }
        word.getChars(0, word.length(), pool, poolSize);
        id = size;
        insert((long) word.hashCode() << 32 | id, (long) poolSize << 32 | word.length(), prefix(word), 0);
        poolSize += word.length();
        if (id == byId.length) {
            byId = Arrays.copyOf(byId, 2 * id);
        }
        byId[id] = word;
        return id;
    }

    /** The first eight characters of {@code word}, one a byte, the first in the lowest; {@link #NOT_ASCII} if it is not all ASCII. */
    private static long prefix(String word) {
        long packed = 0;
        for (int j = 0; j < word.length(); j++) {
            char c = word.charAt(j);
            if (c >= 0x80) {
                return NOT_ASCII;
            }
            if (j < 8) {
                packed |= (long) c << (8 * j);
            }
        }
        return packed;
    }

    int size() {
        return size;
    }

    /** Calls {@code action} with each word and its id. */
    void forEach(ObjIntConsumer<String> action) {
        for (int id = 0; id < size; id++) {
            action.accept(byId[id], id);
        }
    }

    private int capacity() {
        return mask + 1;
    }

    private void insert(long hashAndId, long where, long prefix, long value) {
        int k = slot((int) (hashAndId >>> 32));
        while (slots[BASE + SLOT * k] != FREE) {
            k = (k + 1) & mask;
        }
        int at = BASE + SLOT * k;
        slots[at] = hashAndId;
        slots[at + 1] = where;
        slots[at + 2] = prefix;
        slots[at + 3] = value;
        size++;
    }

    private void allocate(int bits) {
        slots = new long[BASE + (SLOT << bits)];
        Arrays.fill(slots, FREE);
        shift = 32 - bits;
        mask = (1 << bits) - 1;
        size = 0;
    }

    /** Fibonacci hashing: String hashes differ mostly in their low bits; this spreads them over the top ones. */
    private int slot(int hash) {
        return (hash * 0x9E3779B9) >>> shift;
    }
}
