package io.dyadstream.enrich;

import java.util.Arrays;
import java.util.function.ObjIntConsumer;

/**
 * A map from words to their ids for the {@link Vocabulary}: open addressing over one array, each
 * slot two longs, the word's hash and id and where its characters lie in a shared pool. A probe
 * compares the hash in place and a likely hit compares characters in the pool: two cache lines,
 * where a map of strings would go through an entry, the key object and its array. Every token of
 * every story is looked up here, most straight from the story's text ({@link #get(int, String, int, int)}),
 * before any string is made for them.
 */
final class WordTable {

    /** A free slot: the id half of a used slot is never negative. */
    private static final long FREE = -1L;

    /** Slot k is slots[2k] (hash in the high half, id in the low half) and slots[2k + 1] (pool offset high, length low). */
    private long[] slots;
    private char[] pool = new char[256];
    private int poolSize;
    /** The words by id, one string each, for the tokens that are found in the table. */
    private String[] byId = new String[16];
    private int shift;
    private int size;

    WordTable() {
        allocate(4);
    }

    /** The id of {@code word}, or {@link Vocabulary#ABSENT}. */
    int get(String word) {
        int hash = word.hashCode();
        int mask = slots.length / 2 - 1;
        for (int k = slot(hash); ; k = (k + 1) & mask) {
            long s = slots[2 * k];
            if (s == FREE) {
                return Vocabulary.ABSENT;
            }
            if ((int) (s >>> 32) == hash && isAt(slots[2 * k + 1], word)) {
                return (int) s;
            }
        }
    }

    /**
     * The id of the lower case of {@code text[start, end)}, an ASCII span whose lower case has the
     * string hash {@code hash}, or {@link Vocabulary#ABSENT}.
     */
    int get(int hash, char[] text, int start, int end) {
        int mask = slots.length / 2 - 1;
        for (int k = slot(hash); ; k = (k + 1) & mask) {
            long s = slots[2 * k];
            if (s == FREE) {
                return Vocabulary.ABSENT;
            }
            if ((int) (s >>> 32) == hash && isLowerCaseAt(slots[2 * k + 1], text, start, end)) {
                return (int) s;
            }
        }
    }

    /**
     * The id of the stem {@code word[0, end)}, followed by "y" if {@code y}, whose string hash is
     * {@code hash} ({@link Stemmer#cut}), or {@link Vocabulary#ABSENT}.
     */
    int get(int hash, String word, int end, boolean y) {
        int mask = slots.length / 2 - 1;
        for (int k = slot(hash); ; k = (k + 1) & mask) {
            long s = slots[2 * k];
            if (s == FREE) {
                return Vocabulary.ABSENT;
            }
            if ((int) (s >>> 32) == hash && isStemAt(slots[2 * k + 1], word, end, y)) {
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

    /** Whether the pool holds the lower case of the ASCII span {@code text[start, end)} at the place {@code where}. */
    private boolean isLowerCaseAt(long where, char[] text, int start, int end) {
        int offset = (int) (where >>> 32);
        int length = (int) where;
        if (length != end - start) {
            return false;
        }
        for (int j = 0; j < length; j++) {
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
        if (2 * (size + 1) > slots.length / 2) {
            long[] old = slots;
            allocate(Integer.numberOfTrailingZeros(slots.length / 2) + 1);
            for (int k = 0; k < old.length; k += 2) {
                if (old[k] != FREE) {
                    insert(old[k], old[k + 1]);
                }
            }
        }
        if (poolSize + word.length() > pool.length) {
            pool = Arrays.copyOf(pool, Math.max(2 * pool.length, poolSize + word.length()));
        }
        word.getChars(0, word.length(), pool, poolSize);
        id = size;
        insert((long) word.hashCode() << 32 | id, (long) poolSize << 32 | word.length());
        poolSize += word.length();
        if (id == byId.length) {
            byId = Arrays.copyOf(byId, 2 * id);
        }
        byId[id] = word;
        return id;
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

    private void insert(long hashAndId, long where) {
        int mask = slots.length / 2 - 1;
        int k = slot((int) (hashAndId >>> 32));
        while (slots[2 * k] != FREE) {
            k = (k + 1) & mask;
        }
        slots[2 * k] = hashAndId;
        slots[2 * k + 1] = where;
        size++;
    }

    private void allocate(int bits) {
        slots = new long[2 << bits];
        Arrays.fill(slots, FREE);
        shift = 32 - bits;
        size = 0;
    }

    /** Fibonacci hashing: String hashes differ mostly in their low bits; this spreads them over the top ones. */
    private int slot(int hash) {
        return (hash * 0x9E3779B9) >>> shift;
    }
}
