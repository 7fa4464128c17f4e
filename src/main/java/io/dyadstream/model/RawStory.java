package io.dyadstream.model;

/**
 * A story as it arrived on the input topic, after parsing: the JSON envelope's fields, or for plain
 * text only {@code id} and {@code body}. {@code published} is the envelope's value as given (the
 * enricher normalises it); any field but {@code id} and {@code body} may be null.
 */
public record RawStory(
        String id, String headline, String body, String source, String published, String url, String lang) {

    public static RawStory plainText(String id, String text) {
        return new RawStory(id, null, text, null, null, null, null);
    }
}
