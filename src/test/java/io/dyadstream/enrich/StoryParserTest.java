package io.dyadstream.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dyadstream.model.RawStory;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StoryParserTest {

    private final StoryParser parser = new StoryParser(1000);

    @Test
    void plainTextTakesTheKeyAsId() {
        RawStory s = parser.parse(bytes("k-1"), bytes("ASTANA -- Kazakhstan and Uzbekistan met."));
        assertEquals("k-1", s.id());
        assertEquals("ASTANA -- Kazakhstan and Uzbekistan met.", s.body());
        assertNull(s.headline());
    }

    @Test
    void envelopeIdWinsOverKeyAndTextIsAnAliasOfBody() {
        RawStory s = parser.parse(bytes("k-1"), bytes("{\"id\": 17, \"text\": \"Some story.\", \"published\": \"2020-01-02\"}"));
        assertEquals("17", s.id());
        assertEquals("Some story.", s.body());
        assertEquals("2020-01-02", s.published());
    }

    @Test
    void withoutIdOrKeyTheIdIsAStableHashOfTheText() {
        RawStory a = parser.parse(null, bytes("{\"body\": \"Same text.\"}"));
        RawStory b = parser.parse(new byte[0], bytes("Same text."));
        assertTrue(a.id().startsWith("sha256:"));
        assertEquals(a.id(), b.id());
        assertEquals(7 + 16, a.id().length());
    }

    @Test
    void badInputGetsAReasonAPersonCanActOn() {
        assertMessage(null, "no value");
        assertMessage(bytes(""), "empty");
        assertMessage(bytes("{\"body\": \"x\""), "malformed JSON envelope");
    }

    @Test
    void aJsonArrayIsReadAsPlainText() {
        // only '{' starts an envelope; anything else is a plain-text story
        assertEquals("[1, 2]", parser.parse(null, bytes("[1, 2]")).body());
    }

    @Test
    void wrongTypesAndSizesAreNamed() {
        assertMessage(bytes("{\"body\": [\"a\"]}"), "\"body\" must be a string, got an array");
        assertMessage(bytes("{\"body\": \"a\", \"headline\": 3}"), "\"headline\" must be a string, got a number");
        assertMessage(bytes("{\"body\": \"  \"}"), "empty \"body\"");
        assertMessage(bytes("a".repeat(1001)), "story too large: 1001 bytes, the limit is 1000");
        assertMessage(bytes("{\"id\": \"" + "i".repeat(300) + "\", \"body\": \"a\"}"), "too long for a story id");
        assertMessage(new byte[] {'a', (byte) 0xFF, 'b'}, "not valid UTF-8 (bad byte at offset 1)");
        assertMessage(bytes("{".repeat(900)), "malformed JSON envelope");
    }

    private void assertMessage(byte[] value, String expected) {
        InvalidStoryException e = assertThrows(InvalidStoryException.class, () -> parser.parse(null, value));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
