package io.dyadstream.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.dyadstream.model.EnrichedStory;
import io.dyadstream.serde.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Whole stories of our own with their full expected enriched record: every entity, pair, tag, evidence
 * offset and sector. {@code src/test/resources/golden/NAME.input.json} is the input record,
 * {@code NAME.expected.json} the record `enrich` must write for it. After a deliberate change to the
 * extraction, rewrite the expected files with {@code mvn test -Dtest=GoldenStoriesTest
 * -Ddyadstream.golden.update=true} and review their diff before committing it.
 */
class GoldenStoriesTest {

    private static final Path DIR = Path.of("src/test/resources/golden");
    private static Enricher enricher;

    @BeforeAll
    static void load() {
        enricher = Enricher.withDefaults();
    }

    @TestFactory
    Stream<DynamicTest> goldenStories() throws IOException {
        List<Path> inputs;
        try (Stream<Path> files = Files.list(DIR)) {
            inputs = files.filter(p -> p.getFileName().toString().endsWith(".input.json")).sorted().toList();
        }
        assertTrue(inputs.size() >= 5, "expected the golden stories in " + DIR + ", found " + inputs.size());
        return inputs.stream().map(input -> DynamicTest.dynamicTest(input.getFileName().toString(), () -> check(input)));
    }

    private static void check(Path input) throws IOException {
        EnrichedStory story = enricher.enrich(null, Files.readAllBytes(input));
        Path expectedFile = input.resolveSibling(input.getFileName().toString().replace(".input.json", ".expected.json"));
        String actual = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(story) + "\n";
        if (Boolean.getBoolean("dyadstream.golden.update")) {
            Files.writeString(expectedFile, actual);
        }
        JsonNode expected = Json.MAPPER.readTree(expectedFile.toFile());
        // compared as text, so that a failure shows the lines that differ
        assertEquals(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(expected) + "\n", actual,
                input.getFileName() + " no longer gives its expected record");
    }
}
