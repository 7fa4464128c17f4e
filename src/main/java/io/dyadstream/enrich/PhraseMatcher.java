package io.dyadstream.enrich;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A token trie: a compiled multi-phrase matcher that finds, in one left-to-right pass over a token
 * list, the longest phrase starting at each token. Phrases are token sequences in normal form
 * ({@link Tokenizer#normalize}); each carries a list of payloads.
 */
public final class PhraseMatcher<T> {

    /** A match of tokens [{@code from}, {@code to}) with the payloads of that phrase. */
    public record Match<T>(int from, int to, List<T> values) {}

    private static final class Node<T> {
        Map<String, Node<T>> next;
        List<T> values;
    }

    private final Node<T> root = new Node<>();
    private final boolean stemmed;
    private int phrases;

    /** A matcher of exact normal forms. */
    public PhraseMatcher() {
        this(false);
    }

    /** With {@code stemmed}, words are compared by their {@link Stemmer} stems, so that inflections match. */
    PhraseMatcher(boolean stemmed) {
        this.stemmed = stemmed;
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
        Node<T> node = root;
        for (Token t : tokens) {
            if (node.next == null) {
                node.next = new HashMap<>(4);
            }
            node = node.next.computeIfAbsent(key(t), k -> new Node<>());
        }
        if (node.values == null) {
            node.values = new ArrayList<>(1);
            phrases++;
        }
        if (!node.values.contains(value)) {
            node.values.add(value);
        }
    }

    public int size() {
        return phrases;
    }

    /** The longest phrase that starts at token {@code from}, or null. */
    public Match<T> longestAt(List<Token> tokens, int from, int limit) {
        Node<T> node = root;
        Match<T> best = null;
        for (int i = from; i < limit && node.next != null; i++) {
            node = node.next.get(key(tokens.get(i)));
            if (node == null) {
                break;
            }
            if (node.values != null) {
                best = new Match<>(from, i + 1, node.values);
            }
        }
        return best;
    }

    /** Every longest, non-overlapping match in tokens [{@code from}, {@code to}), left to right. */
    public void scan(List<Token> tokens, int from, int to, Consumer<Match<T>> sink) {
        int i = from;
        while (i < to) {
            Match<T> m = longestAt(tokens, i, to);
            if (m != null) {
                sink.accept(m);
                i = m.to();
            } else {
                i++;
            }
        }
    }

    public List<Match<T>> findAll(List<Token> tokens, int from, int to) {
        List<Match<T>> out = new ArrayList<>();
        scan(tokens, from, to, out::add);
        return out;
    }
}
