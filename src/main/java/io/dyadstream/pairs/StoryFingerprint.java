package io.dyadstream.pairs;

import java.util.Arrays;

/**
 * A MinHash signature of a story's word 3-shingles: {@value #SIZE} minima of seeded 64-bit hashes.
 * Two signatures estimate the Jaccard similarity of the two stories' shingle sets, so a story
 * republished with a new first line or small edits stays close to its original while a different
 * story on the same pair does not. Case, punctuation and the dateline's agency do not matter much:
 * words are lower-cased and only letters and digits count.
 */
public final class StoryFingerprint {

    public static final int SIZE = 64;
    private static final int SHINGLE = 3;
    private static final long[] SEEDS = new long[SIZE];

    static {
        long x = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < SIZE; i++) {
            x = mix(x + i);
            SEEDS[i] = x;
        }
    }

    private StoryFingerprint() {}

    /** The signature of a text; a text of fewer than three words gets the signature of its words. */
    public static long[] of(String text) {
        long[] words = wordHashes(text);
        long[] min = new long[SIZE];
        Arrays.fill(min, Long.MAX_VALUE);
        int shingles = Math.max(1, words.length - SHINGLE + 1);
        for (int s = 0; s < shingles; s++) {
            long h = 0;
            for (int k = s; k < Math.min(words.length, s + SHINGLE); k++) {
                h = mix(h * 31 + words[k]);
            }
            for (int i = 0; i < SIZE; i++) {
                long v = mix(h ^ SEEDS[i]);
                if (v < min[i]) {
                    min[i] = v;
                }
            }
        }
        return min;
    }

    /** Estimated Jaccard similarity of the two stories' shingle sets, in [0, 1]. */
    public static double similarity(long[] a, long[] b) {
        int same = 0;
        for (int i = 0; i < SIZE; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return (double) same / SIZE;
    }

    private static long[] wordHashes(String text) {
        long[] hashes = new long[Math.max(4, text.length() / 5)];
        int n = 0;
        long h = 0;
        boolean inWord = false;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c)) {
                h = h * 131 + Character.toLowerCase(c);
                inWord = true;
            } else if (inWord) {
                if (n == hashes.length) {
                    hashes = Arrays.copyOf(hashes, n * 2);
                }
                hashes[n++] = mix(h);
                h = 0;
                inWord = false;
            }
        }
        return Arrays.copyOf(hashes, n);
    }

    /** A 64-bit finaliser (SplitMix64): spreads every input bit over the output. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

}
