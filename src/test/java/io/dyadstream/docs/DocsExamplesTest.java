package io.dyadstream.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dyadstream.enrich.Enricher;
import io.dyadstream.model.EnrichedStory;
import io.dyadstream.model.Entity;
import io.dyadstream.model.PairRelation;
import io.dyadstream.model.RawStory;
import io.dyadstream.model.Tag;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every {@code example} block of docs/extraction.md and of the rule sentences in
 * src/test/resources/extraction/rules.md through the enricher and checks what it says.
 */
class DocsExamplesTest {

    private static Enricher enricher;

    @BeforeAll
    static void load() {
        enricher = Enricher.withDefaults();
    }

    @TestFactory
    Stream<DynamicTest> docsExamples() throws IOException {
        List<List<String>> blocks = examples(Path.of("docs/extraction.md"));
        assertTrue(blocks.size() >= 8, "expected the examples of docs/extraction.md, found " + blocks.size());
        return blocks.stream().map(block -> DynamicTest.dynamicTest(block.get(0), () -> check(block)));
    }

    @TestFactory
    Stream<DynamicTest> ruleSentences() throws IOException {
        List<List<String>> blocks = examples(Path.of("src/test/resources/extraction/rules.md"));
        assertTrue(blocks.size() >= 25, "expected the rule sentences, found " + blocks.size());
        return blocks.stream().map(block -> DynamicTest.dynamicTest(block.get(0), () -> check(block)));
    }

    private static void check(List<String> block) {
        String text = value(block.get(0), "text:");
        EnrichedStory story = enricher.enrich(RawStory.plainText("doc", text));
        for (String line : block.subList(1, block.size())) {
            String[] words = line.split("\\s+");
            if (line.startsWith("pairs:")) {
                PairRelation pair = pair(story, words[1]);
                assertNotNull(pair, "no pair " + words[1] + " in: " + text + "\nfound " + pairs(story));
                for (int i = 2; i < words.length; i++) {
                    String expected = words[i];
                    assertTrue(pair.tags().stream().anyMatch(t -> tagName(t).equals(expected)),
                            words[1] + " lacks " + expected + ", has " + pair.tags().stream().map(DocsExamplesTest::tagName).toList());
                }
            } else if (line.startsWith("only pairs:")) {
                List<String> expected = List.of(words).subList(2, words.length).stream().sorted().toList();
                assertEquals(expected, story.pairs().stream().map(PairRelation::pair).sorted().toList(), "pairs of: " + text);
            } else if (line.equals("no pairs")) {
                assertEquals(List.of(), pairs(story), "pairs of: " + text);
            } else if (line.startsWith("no pair:")) {
                assertFalse(pair(story, words[2]) != null, "unexpected pair " + words[2] + " in: " + text);
            } else if (line.startsWith("no tag:")) {
                PairRelation pair = pair(story, words[2]);
                assertNotNull(pair, "no pair " + words[2]);
                assertFalse(pair.tags().stream().anyMatch(t -> t.type().name().equals(words[3])), words[2] + " has a " + words[3] + " tag");
            } else if (line.startsWith("no sector:")) {
                PairRelation pair = pair(story, words[2]);
                assertNotNull(pair, "no pair " + words[2]);
                assertFalse(pair.sectors().stream().anyMatch(s -> s.name().equals(words[3])), words[2] + " has sector " + words[3]);
            } else if (line.startsWith("sector:")) {
                PairRelation pair = pair(story, words[1]);
                assertNotNull(pair, "no pair " + words[1]);
                assertTrue(pair.sectors().stream().anyMatch(s -> s.name().equals(words[2])), words[1] + " lacks sector " + words[2]
                        + ", has " + pair.sectors());
            } else if (line.startsWith("entity:")) {
                String type = words[1];
                String code = words[words.length - 1];
                String name = String.join(" ", List.of(words).subList(2, words.length - 1));
                assertTrue(story.entities().stream().anyMatch(e -> matches(e, type, name, code)),
                        "no " + type + " " + name + " (" + code + ") among " + story.entities());
            } else if (line.startsWith("no entity:")) {
                String type = words[2];
                String name = String.join(" ", List.of(words).subList(3, words.length));
                assertFalse(story.entities().stream().anyMatch(e -> e.type().name().equals(type) && e.name().equals(name)),
                        "unexpected " + type + " " + name + " among " + story.entities());
            } else {
                throw new AssertionError("docs/extraction.md: unknown line in an example block: " + line);
            }
        }
    }

    private static boolean matches(Entity e, String type, String name, String code) {
        String country = e.code() != null ? e.code() : e.country();
        return e.type().name().equals(type) && e.name().equals(name) && (code.equals("-") ? country == null : code.equals(country));
    }

    private static String tagName(Tag t) {
        return t.type() + "/" + t.modality().wireName();
    }

    private static PairRelation pair(EnrichedStory story, String key) {
        return story.pairs().stream().filter(p -> p.pair().equals(key)).findFirst().orElse(null);
    }

    private static List<String> pairs(EnrichedStory story) {
        return story.pairs().stream().map(p -> p.pair() + p.tags().stream().map(DocsExamplesTest::tagName).toList()).toList();
    }

    private static String value(String line, String prefix) {
        if (!line.startsWith(prefix)) {
            throw new AssertionError("an example block starts with '" + prefix + "', not: " + line);
        }
        return line.substring(prefix.length()).strip();
    }

    static List<List<String>> examples(Path doc) throws IOException {
        List<List<String>> blocks = new ArrayList<>();
        List<String> current = null;
        for (String line : Files.readAllLines(doc)) {
            if (line.strip().equals("```example")) {
                current = new ArrayList<>();
            } else if (current != null && line.strip().equals("```")) {
                blocks.add(current);
                current = null;
            } else if (current != null && !line.isBlank()) {
                current.add(line.strip());
            }
        }
        return blocks;
    }
}
