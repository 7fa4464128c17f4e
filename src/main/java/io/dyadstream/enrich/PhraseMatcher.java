package io.dyadstream.enrich;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

/**
 * A token trie: a compiled multi-phrase matcher that finds, in one left-to-right pass over a token
 * list, the longest phrase starting at each token. Phrases are token sequences in normal form
 * ({@link Tokenizer#normalize}); each carries a list of payloads. The trie is keyed by the
 * {@link Vocabulary} ids of the words, so matching a story ({@link StoryWords}) compares ints.
 */
public final class PhraseMatcher<T> {

    /**
     * A match of tokens [{@code from}, {@code to}) with the payloads of that phrase, and their
     * {@code tags}: the bits the matcher's tagger gives them, together (0 for a matcher without one).
     */
    public record Match<T>(int from, int to, List<T> values, long tags) {}

    private static final int ROOT = 0;

    private final Vocabulary vocabulary;
    private final boolean stemmed;
    /**
     * Sums up a payload as bits (a cue's label, {@link CueLexicon#labelBit}), or null. The bits of each
     * phrase are worked out as it is added, so a rule that asks what a match is ("an office?") tests
     * a bit, rather than going through the payloads, objects of the lexicon that are seldom in the cache.
     */
    private final ToLongFunction<? super T> tagger;
    /** By node, the tags of the phrase that ends there. */
    private long[] tags = new long[16];
    /**
     * The root's children by word id ({@link TrieEdges#NONE} for a word that begins no phrase): every
     * token of a story looks here, so the first step is an array read, not a probe of the edge table
     * (a large one for the gazetteer, where a probe often misses the cache). Deeper edges are in {@link #edges}.
     */
    private int[] firstWords = new int[0];
    private final TrieEdges edges = new TrieEdges();
    /** The payloads of the phrase that ends at each node, by node id; null where none ends. */
    private List<T>[] values = newValues(16);
    private int nodes = 1;
    private int phrases;
    /** This matcher's start bit in the story words ({@link Vocabulary#register}), or 0. */
    private final int startBit;

    /** A matcher of exact normal forms, with a vocabulary of its own. */
    public PhraseMatcher() {
        this(false);
    }

    /** With {@code stemmed}, words are compared by their {@link Stemmer} stems, so that inflections match. */
    PhraseMatcher(boolean stemmed) {
        this(new Vocabulary(), stemmed);
    }

    /** A matcher whose words are numbered in {@code vocabulary}, shared with the other matchers of a story. */
    PhraseMatcher(Vocabulary vocabulary, boolean stemmed) {
        this(vocabulary, stemmed, null);
    }

    /** As {@link #PhraseMatcher(Vocabulary, boolean)}, with a tagger for the payloads ({@link Match#tags}). */
    PhraseMatcher(Vocabulary vocabulary, boolean stemmed, ToLongFunction<? super T> tagger) {
        this.vocabulary = vocabulary;
        this.stemmed = stemmed;
        this.tagger = tagger;
        this.startBit = vocabulary.register(this);
    }

    /** Sets {@code bit} in {@code normStarts} (or {@code stemStarts}, if stemmed) at every word that starts a phrase. */
    void markFirstWords(int bit, int[] normStarts, int[] stemStarts) {
        int[] starts = stemmed ? stemStarts : normStarts;
        for (int word = 0; word < firstWords.length; word++) {
            if (firstWords[word] != TrieEdges.NONE) {
                starts[word] |= bit;
            }
        }
    }

    Vocabulary vocabulary() {
        return vocabulary;
    }

    private String key(Token t) {
        return stemmed ? t.stem() : t.norm();
    }

    /** Adds a phrase, tokenized with {@link Tokenizer}; blank phrases are ignored. */
    public void add(String phrase, T value) {
        List<Token> tokens = Tokenizer.tokenize(phrase);
        if (tokens.isEmpty()) {
            return;
        }
        int node = ROOT;
        for (Token t : tokens) {
            int word = vocabulary.add(key(t), stemmed);
            if (stemmed) {
                // the word as written is known too, with its stem: a story's word that is one of a stemmed
                // lexicon's forms ("signed") is then found as it is read, rather than made a string and stemmed
                vocabulary.add(t.norm(), false);
            }
            int child = child(node, word);
            if (child == TrieEdges.NONE) {
                child = nodes++;
                if (node == ROOT) {
                    if (word >= firstWords.length) {
                        int size = firstWords.length;
                        firstWords = Arrays.copyOf(firstWords, Math.max(2 * size, word + 1));
                        Arrays.fill(firstWords, size, firstWords.length, TrieEdges.NONE);
                    }
                    firstWords[word] = child;
                } else {
                    edges.add(node, word, child);
                }
                if (child == values.length) {
                    values = Arrays.copyOf(values, 2 * child);
                    tags = Arrays.copyOf(tags, 2 * child);
                }
            }
            node = child;
        }
        if (values[node] == null) {
            values[node] = new ArrayList<>(1);
            phrases++;
        }
        if (!values[node].contains(value)) {
            values[node].add(value);
            if (tagger != null) {
                tags[node] |= tagger.applyAsLong(value);
            }
        }
    }

    public int size() {
        return phrases;
    }

    /** The child of {@code node} along the word with id {@code word} (maybe {@link Vocabulary#ABSENT}), or {@link TrieEdges#NONE}. */
    private int child(int node, int word) {
        if (node != ROOT) {
            return word == Vocabulary.ABSENT ? TrieEdges.NONE : edges.child(node, word);
        }
        return word >= 0 && word < firstWords.length ? firstWords[word] : TrieEdges.NONE;
    }

    /** The longest phrase that starts at token {@code from} and ends by {@code limit}, or null. */
    Match<T> longestAt(StoryWords story, int from, int limit) {
        if (from >= limit) {
            return null;
        }
        int[] words = story.keys(vocabulary, stemmed);
        if (startsNothing(story, from)) {
            return null;
        }
        int node = child(ROOT, words[from]);
        return node == TrieEdges.NONE ? null : longestFrom(words, from, node, limit);
    }

    /** The payloads of the one-word phrase at token {@code i}, or null: {@code longestAt(story, i, i + 1)}, without making a match. */
    List<T> phraseAt(StoryWords story, int i) {
        if (startsNothing(story, i)) {
            return null;
        }
        int node = child(ROOT, story.keys(vocabulary, stemmed)[i]);
        return node == TrieEdges.NONE ? null : values[node];
    }

    /** The tags of the one-word phrase at token {@code i}, 0 if there is none. */
    long tagsAt(StoryWords story, int i) {
        if (startsNothing(story, i)) {
            return 0;
        }
        int node = child(ROOT, story.keys(vocabulary, stemmed)[i]);
        return node == TrieEdges.NONE ? 0 : tags[node];
    }

    /**
     * The first match of a left-to-right scan of tokens [{@code from}, {@code to}): the longest phrase
     * at the first token where one starts, or null. The scan goes on from the match's end.
     */
    Match<T> firstMatch(StoryWords story, int from, int to) {
        int[] words = story.keys(vocabulary, stemmed);
        int[] first = firstWords;
        int[] flags = startBit == 0 ? null : story.startFlags(vocabulary);
        if (flags != null) {
            // the tokens' start bits, read in order, tell the tokens that start a phrase
            for (int i = from; i < to; i++) {
                if ((flags[i] & startBit) != 0) {
                    Match<T> m = longestFrom(words, i, first[words[i]], to);
                    if (m != null) {
                        return m;
                    }
                }
            }
            return null;
        }
        for (int i = from; i < to; i++) {
            int word = words[i];
            int node = word >= 0 && word < first.length ? first[word] : TrieEdges.NONE; // child(ROOT, word)
            if (node != TrieEdges.NONE) {
                Match<T> m = longestFrom(words, i, node, to);
                if (m != null) {
                    return m;
                }
            }
        }
        return null;
    }

    /**
     * {@link #longestAt(StoryWords, int, int)} where the walk has taken its first step already: the
     * word at {@code from} leads from the root to {@code node}.
     */
    private Match<T> longestFrom(int[] words, int from, int node, int limit) {
        int bestNode = values[node] != null ? node : ROOT;
        int bestTo = from + 1;
        for (int i = from + 1; i < limit; i++) {
            int word = words[i];
            if (word == Vocabulary.ABSENT) {
                break;
            }
            node = edges.child(node, word);
            if (node == TrieEdges.NONE) {
                break;
            }
            if (values[node] != null) {
                bestNode = node;
                bestTo = i + 1;
            }
        }
        return bestNode == ROOT ? null : new Match<>(from, bestTo, values[bestNode], tags[bestNode]);
    }

    /** Whether token {@code i} starts no phrase, as its start bit tells; false when it has none. */
    private boolean startsNothing(StoryWords story, int i) {
        if (startBit == 0) {
            return false;
        }
        int[] flags = story.startFlags(vocabulary);
        return flags != null && (flags[i] & startBit) == 0;
    }

    /** Every longest, non-overlapping match in tokens [{@code from}, {@code to}), left to right. */
    void scan(StoryWords story, int from, int to, Consumer<Match<T>> sink) {
        for (Match<T> m = firstMatch(story, from, to); m != null; m = firstMatch(story, m.to(), to)) {
            sink.accept(m);
        }
    }

    List<Match<T>> findAll(StoryWords story, int from, int to) {
        List<Match<T>> out = new ArrayList<>();
        scan(story, from, to, out::add);
        return out;
    }

    /** {@link #longestAt(StoryWords, int, int)} over tokens that have not been looked up (one-off use). */
    public Match<T> longestAt(List<Token> tokens, int from, int limit) {
        if (from >= limit) {
            return null;
        }
        Match<T> m = longestAt(vocabulary.lookUp(tokens.subList(from, limit)), 0, limit - from);
        return m == null ? null : new Match<>(from, from + m.to(), m.values(), m.tags());
    }

    /** {@link #scan(StoryWords, int, int, Consumer)} over tokens that have not been looked up (one-off use). */
    public void scan(List<Token> tokens, int from, int to, Consumer<Match<T>> sink) {
        if (from < to) {
            scan(vocabulary.lookUp(tokens.subList(from, to)), 0, to - from,
                    m -> sink.accept(new Match<>(from + m.from(), from + m.to(), m.values(), m.tags())));
        }
    }

    public List<Match<T>> findAll(List<Token> tokens, int from, int to) {
        List<Match<T>> out = new ArrayList<>();
        scan(tokens, from, to, out::add);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T>[] newValues(int size) {
        return (List<T>[]) new List<?>[size];
    }
}
