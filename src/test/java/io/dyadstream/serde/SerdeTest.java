package io.dyadstream.serde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.dyadstream.model.PairDay;
import io.dyadstream.pairs.PairDays;
import io.dyadstream.pairs.RecentStories;
import io.dyadstream.pairs.StoryFingerprint;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class SerdeTest {

    @Test
    void recentStoriesRoundTrip() {
        long[] sig = StoryFingerprint.of("Belarus and Kazakhstan signed an agreement on tractors.");
        RecentStories value = new RecentStories(List.of(new RecentStories.Seen("kz-1", sig, 42L, 4242L, List.of("Kazinform", "BelTA"))));
        RecentStoriesSerde serde = new RecentStoriesSerde();
        RecentStories back = serde.deserialize("t", serde.serialize("t", value));
        assertEquals("kz-1", back.stories().get(0).storyId());
        assertEquals(42L, back.stories().get(0).timestamp());
        assertEquals(4242L, back.stories().get(0).arrived());
        assertArrayEquals(sig, back.stories().get(0).signature());
        assertEquals(List.of("Kazinform", "BelTA"), back.stories().get(0).sources());
        assertNull(serde.serialize("t", null));
        assertThrows(SerializationException.class, () -> serde.deserialize("t", new byte[] {9, 0, 0}));
    }

    /**
     * One story as versions 1 and 2 wrote it through DataOutputStream: id, event time 42, (version 2: arrival
     * time 4242), the hashes 0..63, the sources.
     */
    private static byte[] oldFormat(int version, String id, String... sources) throws java.io.IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
            out.writeByte(version);
            out.writeInt(1);
            out.writeUTF(id);
            out.writeLong(42L);
            if (version >= 2) {
                out.writeLong(4242L);
            }
            for (int k = 0; k < StoryFingerprint.SIZE; k++) {
                out.writeLong(k);
            }
            out.writeShort(sources.length);
            for (String source : sources) {
                out.writeUTF(source);
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void recentStoriesOfTheFirstFormatAreStillRead() throws Exception {
        RecentStories back = new RecentStoriesSerde().deserialize("t", oldFormat(1, "kz-1", "Kazinform"));
        assertEquals(42L, back.stories().get(0).arrived(), "a version-1 story arrived at its event time");
        assertEquals(List.of("Kazinform"), back.stories().get(0).sources());
    }

    @Test
    void recentStoriesOfTheSecondFormatAreStillRead() throws Exception {
        RecentStories back = new RecentStoriesSerde().deserialize("t", oldFormat(2, "kz-2", "Kazinform", "Agência Brasil"));
        assertEquals("kz-2", back.stories().get(0).storyId());
        assertEquals(4242L, back.stories().get(0).arrived());
        assertEquals(63L, back.stories().get(0).signature()[63]);
        assertEquals(List.of("Kazinform", "Agência Brasil"), back.stories().get(0).sources());
    }

    @Test
    void recentStoriesOfManyStoriesRoundTripAndATruncatedValueIsAnError() {
        List<RecentStories.Seen> seen = new java.util.ArrayList<>();
        for (int i = 0; i < RecentStories.MAX_STORIES; i++) {
            seen.add(new RecentStories.Seen("story-" + i, StoryFingerprint.of("Story number " + i + " about Ghana and Togo trade."),
                    i, 1000L + i, i % 2 == 0 ? List.of() : List.of("Agência Brasil", "GNA")));
        }
        RecentStoriesSerde serde = new RecentStoriesSerde();
        byte[] bytes = serde.serialize("t", new RecentStories(seen));
        RecentStories back = serde.deserialize("t", bytes);
        assertEquals(seen.size(), back.stories().size());
        for (int i = 0; i < seen.size(); i += 97) {
            assertEquals(seen.get(i).storyId(), back.stories().get(i).storyId());
            assertEquals(seen.get(i).arrived(), back.stories().get(i).arrived());
            assertArrayEquals(seen.get(i).signature(), back.stories().get(i).signature());
            assertEquals(seen.get(i).sources(), back.stories().get(i).sources());
        }
        assertThrows(SerializationException.class, () -> serde.deserialize("t", java.util.Arrays.copyOf(bytes, bytes.length - 3)));
        assertThrows(SerializationException.class, () -> serde.deserialize("t", java.util.Arrays.copyOf(bytes, bytes.length + 1)));
    }

    @Test
    void binaryAndTextJsonHoldTheSameRecord() {
        PairDay day = PairDays.dated(PairDays.empty("BLR-KAZ", null), 0);
        JsonSerde<PairDay> text = new JsonSerde<>(PairDay.class);
        JsonSerde<PairDay> binary = JsonSerde.binary(PairDay.class);
        assertEquals(day, text.deserialize("t", text.serialize("t", day)));
        assertEquals(day, binary.deserialize("t", binary.serialize("t", day)));
        assertThrows(SerializationException.class, () -> text.deserialize("t", "{not json".getBytes()));
    }
}
