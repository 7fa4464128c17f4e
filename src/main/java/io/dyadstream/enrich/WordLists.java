package io.dyadstream.enrich;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The word lists of {@code lexicon/word-lists.tsv} (speech verbs, sports words, exiles, ...), which the
 * extraction rules test words against; data, so that an analyst can extend them. Words are kept in the
 * tokenizer's normal form (lower case, diacritics folded), the form rules compare tokens in. A rule asks for its
 * list by name when its class loads; a missing list, a name given twice or a row without its tab stops
 * the app with the file and line.
 */
final class WordLists {

    static final String RESOURCE = "lexicon/word-lists.tsv";
    private static final Map<String, Set<String>> LISTS = load();
    private static final Set<String> ASKED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private WordLists() {}

    /** The list's words, in normal form. */
    static Set<String> get(String name) {
        Set<String> words = LISTS.get(name);
        if (words == null) {
            throw new IllegalStateException(RESOURCE + " has no list '" + name + "', which the extraction rules need");
        }
        ASKED.add(name);
        return words;
    }

    /** The lists of the file that no rule has asked for so far (a misspelt name is one). */
    static Set<String> notAskedFor() {
        Set<String> left = new TreeSet<>(LISTS.keySet());
        left.removeAll(ASKED);
        return left;
    }

    private static Map<String, Set<String>> load() {
        Map<String, Set<String>> lists = new HashMap<>();
        Gazetteer.read(RESOURCE, row -> {
            if (row.length != 2 || row[0].isBlank() || row[1].isBlank()) {
                throw new IllegalArgumentException("expected LIST <tab> words separated by '|'");
            }
            Set<String> words = new HashSet<>();
            for (String w : row[1].split("\\|")) {
                if (!w.isBlank()) {
                    words.add(Tokenizer.normalize(w.strip())); // as tokens are compared: "émigrés" matches as "emigres"
                }
            }
            if (lists.putIfAbsent(row[0].strip(), Set.copyOf(words)) != null) {
                throw new IllegalArgumentException("list '" + row[0].strip() + "' is given twice");
            }
        });
        return Map.copyOf(lists);
    }

    /** The names of the file's lists, for tests. */
    static List<String> names() {
        return List.copyOf(new TreeSet<>(LISTS.keySet()));
    }
}
