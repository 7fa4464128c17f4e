package io.dyadstream.enrich;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dyadstream.model.RawStory;
import io.dyadstream.serde.Json;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Set;

/**
 * Turns the bytes of a record on the input topic into a {@link RawStory}: a JSON envelope
 * ({@code {"id","headline","body" or "text","source","published","url","lang"}}) when the value starts
 * with '{', plain UTF-8 text otherwise. Anything else raises {@link InvalidStoryException}.
 *
 * <p>The story id is the envelope's {@code id}, else the record key, else {@code sha256:} and the first
 * 16 hex digits of the SHA-256 of the text, so that the same text always gets the same id.
 */
public final class StoryParser {

    /** Default for {@code dyadstream.max.story.bytes}: 1 MiB. */
    public static final int DEFAULT_MAX_STORY_BYTES = 1 << 20;

    private static final Set<String> ENVELOPE_FIELDS = Set.of("id", "headline", "body", "text", "source", "published", "url", "lang");
    private static final int MAX_ID_CHARS = 256;

    private final int maxStoryBytes;

    public StoryParser(int maxStoryBytes) {
        if (maxStoryBytes < 1) {
            throw new IllegalArgumentException("max story size must be at least 1 byte, got " + maxStoryBytes);
        }
        this.maxStoryBytes = maxStoryBytes;
    }

    public RawStory parse(byte[] key, byte[] value) {
        if (value == null) {
            throw new InvalidStoryException("the record has no value (null): a story needs text or a JSON envelope");
        }
        if (value.length > maxStoryBytes) {
            throw new InvalidStoryException("story too large: " + value.length + " bytes, the limit is " + maxStoryBytes
                    + " (dyadstream.max.story.bytes)");
        }
        String text = decodeUtf8(value, "value");
        int first = firstNonWhitespace(text);
        if (first < 0) {
            throw new InvalidStoryException("the record is empty or only whitespace (" + value.length + " bytes)");
        }
        String keyId = key == null || key.length == 0 ? null : id(decodeUtf8(key, "key"), "record key");
        if (text.charAt(first) == '{') {
            return parseEnvelope(text, keyId);
        }
        return RawStory.plainText(keyId != null ? keyId : hashId(text), text);
    }

    private static RawStory parseEnvelope(String json, String keyId) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            com.fasterxml.jackson.core.JsonLocation where = e.getLocation(); // null when a parser limit (nesting depth, number length) stops it
            throw new InvalidStoryException("malformed JSON envelope: " + e.getOriginalMessage()
                    + (where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr()), e);
        }
        if (!(node instanceof ObjectNode envelope)) {
            throw new InvalidStoryException("malformed JSON envelope: expected one JSON object");
        }
        String body = stringField(envelope, "body");
        String text = stringField(envelope, "text");
        if (body == null && text == null) {
            throw new InvalidStoryException("JSON envelope has neither \"body\" nor \"text\"; fields present: " + fieldNames(envelope));
        }
        String story = body != null ? body : text;
        if (firstNonWhitespace(story) < 0) {
            throw new InvalidStoryException("JSON envelope has an empty \"" + (body != null ? "body" : "text") + "\"");
        }
        String envelopeId = idField(envelope);
        String id = envelopeId != null ? envelopeId : keyId != null ? keyId : hashId(story);
        return new RawStory(id, stringField(envelope, "headline"), story, stringField(envelope, "source"),
                stringField(envelope, "published"), stringField(envelope, "url"), stringField(envelope, "lang"));
    }

    private static String idField(ObjectNode envelope) {
        JsonNode id = envelope.get("id");
        if (id == null || id.isNull()) {
            return null;
        }
        if (id.isTextual() || id.isIntegralNumber()) {
            return id(id.asText(), "envelope \"id\"");
        }
        throw new InvalidStoryException("envelope field \"id\" must be a string or an integer, got " + kind(id));
    }

    private static String stringField(ObjectNode envelope, String name) {
        JsonNode field = envelope.get(name);
        if (field == null || field.isNull()) {
            return null;
        }
        if (!field.isTextual()) {
            throw new InvalidStoryException("envelope field \"" + name + "\" must be a string, got " + kind(field));
        }
        return field.textValue();
    }

    private static String id(String raw, String what) {
        String id = raw.strip();
        if (id.isEmpty()) {
            return null;
        }
        if (id.length() > MAX_ID_CHARS) {
            throw new InvalidStoryException(what + " is too long for a story id: " + id.length() + " characters, the limit is " + MAX_ID_CHARS);
        }
        for (int i = 0; i < id.length(); i++) {
            if (Character.isISOControl(id.charAt(i))) {
                throw new InvalidStoryException(what + " contains a control character at index " + i);
            }
        }
        return id;
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case BINARY -> "binary data";
            default -> node.getNodeType().name().toLowerCase();
        };
    }

    private static String fieldNames(ObjectNode envelope) {
        StringBuilder names = new StringBuilder();
        Iterator<String> it = envelope.fieldNames();
        while (it.hasNext() && names.length() < 200) {
            String name = it.next();
            names.append(names.length() == 0 ? "" : ", ").append(ENVELOPE_FIELDS.contains(name) ? name : '"' + name + '"');
        }
        return names.length() == 0 ? "none" : names.toString();
    }

    private static String decodeUtf8(byte[] bytes, String what) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            CharBuffer chars = decoder.decode(in);
            return chars.toString();
        } catch (MalformedInputException e) {
            throw new InvalidStoryException("the record " + what + " is not valid UTF-8 (bad byte at offset " + in.position() + ")");
        } catch (CharacterCodingException e) {
            throw new InvalidStoryException("the record " + what + " is not valid UTF-8: " + e.getMessage());
        }
    }

    private static int firstNonWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c) && c != '\u00a0' && c != '\ufeff') {
                return i;
            }
        }
        return -1;
    }

    static String hashId(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
