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
    void aSeenStoryRoundTripsAndABadValueIsAnError() {
        long[] sig = StoryFingerprint.of("Belarus and Kazakhstan signed an agreement on tractors.");
        RecentStories.Seen seen = new RecentStories.Seen("kz-1", sig, 42L, 4242L, List.of("Kazinform", "Agência Brasil"));
        SeenStorySerde serde = new SeenStorySerde();
        byte[] bytes = serde.serialize("t", seen);
        RecentStories.Seen back = serde.deserialize("t", bytes);
        assertEquals("kz-1", back.storyId());
        assertEquals(42L, back.timestamp());
        assertEquals(4242L, back.arrived());
        assertArrayEquals(sig, back.signature());
        assertEquals(List.of("Kazinform", "Agência Brasil"), back.sources());
        assertNull(serde.serialize("t", null));
        assertThrows(SerializationException.class, () -> serde.deserialize("t", new byte[] {9, 0, 0}), "unknown version");
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
