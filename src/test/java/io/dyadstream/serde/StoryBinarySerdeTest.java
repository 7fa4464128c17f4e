package io.dyadstream.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.dyadstream.enrich.Enricher;
import io.dyadstream.model.Dateline;
import io.dyadstream.model.Direction;
import io.dyadstream.model.EnrichedStory;
import io.dyadstream.model.Entity;
import io.dyadstream.model.EntityType;
import io.dyadstream.model.EventType;
import io.dyadstream.model.Evidence;
import io.dyadstream.model.Modality;
import io.dyadstream.model.PairRelation;
import io.dyadstream.model.Sector;
import io.dyadstream.model.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class StoryBinarySerdeTest {

    private final StoryBinarySerde serde = new StoryBinarySerde();
    private final JsonSerde<EnrichedStory> json = new JsonSerde<>(EnrichedStory.class);

    private void assertRoundTrip(EnrichedStory story) {
        EnrichedStory back = serde.deserialize("t", serde.serialize("t", story));
        assertEquals(story, back);
        // and the public JSON of what comes back is byte for byte the JSON of the original
        assertEquals(new String(json.serialize("t", story), StandardCharsets.UTF_8), new String(json.serialize("t", back), StandardCharsets.UTF_8));
    }

    @Test
    void everyStoryOfOurCorporaComesBackEqual() throws IOException {
        Enricher enricher = Enricher.withDefaults();
        int stories = 0;
        for (String file : List.of("/corpus/stories.jsonl", "/dedup/pairs.jsonl")) {
            try (InputStream in = getClass().getResourceAsStream(file)) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (line.isBlank()) {
                        continue;
                    }
                    List<String> texts = new ArrayList<>();
                    collectTexts(Json.MAPPER.readTree(line), texts);
                    for (String text : texts) {
                        EnrichedStory story = enricher.enrich(null, text.getBytes(StandardCharsets.UTF_8));
                        assertRoundTrip(story);
                        assertRoundTrip(story.asDuplicate("first-" + stories, 0.84));
                        stories++;
                    }
                }
            }
        }
        assertTrue(stories >= 100, "stories read: " + stories);
    }

    /** Every story text in a JSON line ("text", "body", and the two stories "a", "b" of a dedup pair), at any depth. */
    private static void collectTexts(JsonNode node, List<String> out) {
        node.fields().forEachRemaining(f -> {
            if (List.of("text", "body", "a", "b").contains(f.getKey()) && f.getValue().isTextual() && f.getValue().asText().length() > 40) {
                out.add(f.getValue().asText());
            } else if (f.getValue().isContainerNode()) {
                collectTexts(f.getValue(), out);
            }
        });
        if (node.isArray()) {
            node.forEach(n -> collectTexts(n, out));
        }
    }

    @Test
    void nullsEmptyListsTextsThatAreNoSliceAndUnicodeComeBackEqual() {
        String text = "Astana — Kazakhstan and Belarus 🇰🇿 signed.";
        Entity slice = new Entity(EntityType.COUNTRY, "Kazakhstan", "Kazakhstan", "KAZ", null, null, 9, 19);
        Entity renamed = new Entity(EntityType.PERSON, "Belarus", "Republic of Belarus", null, "BLR", "President", 24, 31);
        Entity notSlice = new Entity(EntityType.ORG, "Something else", null, null, null, null, 0, 3);
        Entity outOfRange = new Entity(null, "x", "x", null, null, null, -5, 1000);
        Tag tag = new Tag(EventType.AGREE, 1, Modality.OCCURRED, List.of(Sector.TRADE), List.of(new Evidence(0, text.length(), text),
                new Evidence(3, 1, "odd")), new Direction("KAZ", "BLR"), 0.7);
        Tag bare = new Tag(null, -1, null, null, null, null, Double.NaN);
        EnrichedStory full = new EnrichedStory(EnrichedStory.SCHEMA, "id-1", "Head", "2020-01-02", new Dateline("Astana", "KAZ"), "Kazinform",
                List.of("BelTA"), "src", "http://x", "en", text, List.of(slice, renamed, notSlice, outOfRange),
                List.of(new PairRelation("BLR-KAZ", List.of("BLR", "KAZ"), List.of(tag, bare), List.of(Sector.TRADE, Sector.FINANCE)),
                        new PairRelation(null, null, null, null)),
                "first", 0.5);
        assertRoundTrip(full);
        assertRoundTrip(new EnrichedStory(null, null, null, null, null, null, null, null, null, null, null, null, null));
        assertRoundTrip(new EnrichedStory(EnrichedStory.SCHEMA, "id", null, null, new Dateline(null, null), null, List.of(), null, null,
                null, "", List.of(), List.of()));
        StringBuilder big = new StringBuilder();
        while (big.length() < 2_000_000) {
            big.append("Belarus and Kazakhstan signed an agreement. ");
        }
        assertRoundTrip(new EnrichedStory(EnrichedStory.SCHEMA, "big", null, null, null, null, List.of(), null, null, null, big.toString(),
                List.of(new Entity(EntityType.COUNTRY, "Kazakhstan", "Kazakhstan", "KAZ", null, null, 1_999_990, 2_000_000)), List.of()));
    }

    @Test
    void readsStoriesKeptInSmileByEarlierVersions() {
        EnrichedStory story = Enricher.withDefaults().enrich(null,
                "ASTANA -- Kazakhstan and Belarus signed a road map on industrial cooperation on Monday.".getBytes(StandardCharsets.UTF_8));
        byte[] smile = JsonSerde.binary(EnrichedStory.class).serialize("t", story);
        assertEquals(story, serde.deserialize("t", smile));
    }

    @Test
    void isSmallerThanSmileAndRefusesBadBytes() {
        EnrichedStory story = Enricher.withDefaults().enrich(null, ("MINSK. BelTA - Belarus and Kazakhstan will set up the assembly of "
                + "Belarusian feed mixers in Pavlodar under an agreement signed in Minsk on Thursday after talks between Belarusian Industry "
                + "Minister Viktor Lisovsky and Akim of Pavlodar Region Serik Baizhanov.").getBytes(StandardCharsets.UTF_8));
        byte[] compact = serde.serialize("t", story);
        assertTrue(compact.length < JsonSerde.binary(EnrichedStory.class).serialize("t", story).length);
        assertNull(serde.serialize("t", null));
        assertNull(serde.deserialize("t", null));
        assertThrows(SerializationException.class, () -> serde.deserialize("t", new byte[] {9, 0, 0}));
        assertThrows(SerializationException.class, () -> serde.deserialize("t", Arrays.copyOf(compact, compact.length / 2)));
        byte[] longer = Arrays.copyOf(compact, compact.length + 1);
        assertThrows(SerializationException.class, () -> serde.deserialize("t", longer));
    }
}
