package io.dyadstream.model;

/** A sentence that supports a tag: its text and its offsets in the enriched story's {@code text}. */
public record Evidence(int start, int end, String text) {}
