package io.dyadstream.enrich;

import java.util.Arrays;

/**
 * The edges of a trie over int labels: (parent node, word id) -> child node, all in one
 * open-addressing hash table of packed long keys. One array with each key beside its child (a
 * probe reads one cache line) and no object per edge; a lookup hashes one long instead of a string.
 * Before the table, a 64-bit signature of each node's child words (a one-hash Bloom filter) turns
 * away most words that follow no phrase prefix: the table of a large gazetteer does not fit in the
 * caches, and most lookups in it are for such words ("Japan" then "signed").
 */
final class TrieEdges {

    /** No such edge. */
    static final int NONE = -1;

    /** Marks a free slot; no key is negative, as node ids are not. */
    private static final long FREE = -1L;

    /** Slot k is table[2k] (the key) and table[2k + 1] (the child). */
    private long[] table;
    private int shift;
    private int size;
    /** By node id: a bit for each child word, at {@link #signatureBit}. */
    private long[] signatures = new long[16];

    TrieEdges() {
        allocate(4);
    }

    /** The child of {@code node} along {@code word}, or {@link #NONE}. */
    int child(int node, int word) {
        if (node >= signatures.length || (signatures[node] & signatureBit(word)) == 0) {
            return NONE;
        }
        long key = pack(node, word);
        int mask = table.length / 2 - 1;
        for (int k = slot(key); ; k = (k + 1) & mask) {
            long stored = table[2 * k];
            if (stored == key) {
                return (int) table[2 * k + 1];
            }
            if (stored == FREE) {
                return NONE;
            }
        }
    }

    /** Adds an edge that is not there yet. */
    void add(int node, int word, int child) {
        if (2 * (size + 1) > table.length / 2) {
            long[] old = table;
            allocate(Integer.numberOfTrailingZeros(table.length / 2) + 1);
            for (int k = 0; k < old.length; k += 2) {
                if (old[k] != FREE) {
                    insert(old[k], (int) old[k + 1]);
                }
            }
        }
        insert(pack(node, word), child);
        if (node >= signatures.length) {
            signatures = Arrays.copyOf(signatures, Math.max(2 * signatures.length, node + 1));
        }
        signatures[node] |= signatureBit(word);
    }

    /** One of 64 bits, by the top bits of the word id times 2^64 / phi. */
    private static long signatureBit(int word) {
        return 1L << ((word * 0x9E3779B97F4A7C15L) >>> 58);
    }

    private void insert(long key, int child) {
        int mask = table.length / 2 - 1;
        int k = slot(key);
        while (table[2 * k] != FREE) {
            k = (k + 1) & mask;
        }
        table[2 * k] = key;
        table[2 * k + 1] = child;
        size++;
    }

    private void allocate(int bits) {
        table = new long[2 << bits];
        Arrays.fill(table, FREE);
        shift = 64 - bits;
        size = 0;
    }

    private static long pack(int node, int word) {
        return (long) node << 32 | word;
    }

    /** Fibonacci hashing: the top bits of the key times 2^64 / phi. */
    private int slot(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
    }
}
