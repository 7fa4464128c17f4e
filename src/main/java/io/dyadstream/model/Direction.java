package io.dyadstream.model;

/** Who acts toward whom in a tag's evidence: ISO alpha-3 codes of the source and the target. */
public record Direction(String source, String target) {}
