package io.dyadstream.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dyadstream.model.RawStory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCorpusTest {

    @Test
    void ownStoriesAreTheGoldenCorpusParsedAsTheInputTopicWould() throws Exception {
        long lines = Files.readAllLines(Path.of("src/test/resources/corpus/stories.jsonl")).stream().filter(l -> !l.isBlank()).count();
        List<RawStory> stories = BenchCorpus.ownStories();
        assertEquals(lines, stories.size());
        assertTrue(stories.stream().allMatch(s -> s.body().length() > 100), "every story keeps its text");
        // envelopes keep their fields: some of our stories come with a headline
        assertTrue(stories.stream().anyMatch(s -> s.headline() != null));
    }

    @Test
    void readsEnvelopesAndLabelledRecordsAndNamesTheLineOfABadOne(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("feed.jsonl");
        Files.writeString(file, """
                {"id": "a-1", "headline": "Talks", "body": "ASTANA. KAZINFORM - Kazakhstan and Belarus held talks."}

                {"id": "b-2", "input": {"text": "MINSK. BELTA - Belarus thanked Kazakhstan."}, "gold": {}}
                """);
        List<RawStory> stories = BenchCorpus.read(file);
        assertEquals(2, stories.size());
        assertEquals("a-1", stories.get(0).id());
        assertEquals("Talks", stories.get(0).headline());
        assertEquals("MINSK. BELTA - Belarus thanked Kazakhstan.", stories.get(1).body());

        Files.writeString(file, "{\"text\": \"fine\"}\n{\"body\": 42}\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BenchCorpus.read(file));
        assertTrue(e.getMessage().startsWith(file + " line 2: not a story"), e.getMessage());

        Files.writeString(file, "\n");
        assertThrows(IllegalArgumentException.class, () -> BenchCorpus.read(file));
    }
}
