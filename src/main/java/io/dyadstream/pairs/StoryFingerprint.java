package io.dyadstream.pairs;

import java.util.Arrays;

/**
 * A bottom-k MinHash signature of a story's word 3-shingles: the {@value #SIZE} smallest of the
 * shingles' 64-bit hashes, in ascending order. Two signatures estimate the Jaccard similarity of the
 * two stories' shingle sets (Broder's bottom-k estimator), so a story republished with a new first
 * line or small edits stays close to its original while a different story on the same pair does not.
 * One hash per shingle keeps it cheap. Words are lower-cased and only letters and digits count.
 */
public final class StoryFingerprint {

    public static final int SIZE = 64;
    private static final int SHINGLE = 3;

    private StoryFingerprint() {}

    /** The signature of a text; unused places (fewer than {@value #SIZE} shingles) hold {@code Long.MAX_VALUE}. */
    public static long[] of(String text) {
        long[] words = wordHashes(text);
        long[] bottom = new long[SIZE];
        java.util.Arrays.fill(bottom, Long.MAX_VALUE);
        int shingles = Math.max(1, words.length - SHINGLE + 1);
        for (int s = 0; s < shingles; s++) {
            long h = 0;
            for (int k = s; k < Math.min(words.length, s + SHINGLE); k++) {
                h = h * 31 + words[k];
            }
            insert(bottom, mix(h) >>> 1); // non-negative, below the MAX_VALUE padding
        }
        return bottom;
    }

    /** Adds a hash to the sorted bottom-k array unless it is larger than all of them or already there. */
    private static void insert(long[] bottom, long h) {
        if (h >= bottom[SIZE - 1]) {
            return;
        }
        int i = java.util.Arrays.binarySearch(bottom, h);
        if (i >= 0) {
            return;
        }
        int at = -i - 1;
        System.arraycopy(bottom, at, bottom, at + 1, SIZE - 1 - at);
        bottom[at] = h;
    }

    /** Estimated Jaccard similarity of the two stories' shingle sets, in [0, 1]. */
    public static double similarity(long[] a, long[] b) {
        int i = 0;
        int j = 0;
        int union = 0;
        int both = 0;
        while (union < SIZE && (i < SIZE && a[i] != Long.MAX_VALUE || j < SIZE && b[j] != Long.MAX_VALUE)) {
            long x = i < SIZE ? a[i] : Long.MAX_VALUE;
            long y = j < SIZE ? b[j] : Long.MAX_VALUE;
            if (x == y) {
                both++;
                i++;
                j++;
            } else if (x < y) {
                i++;
            } else {
                j++;
            }
            union++;
        }
        return union == 0 ? 1.0 : (double) both / union;
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
