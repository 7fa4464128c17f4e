package io.dyadstream.model;

import java.util.List;

/** A pair of countries whose relations a story reports: key ({@code BLR-KAZ}), the two codes, its tags and sectors. */
public record PairRelation(String pair, List<String> countries, List<Tag> tags, List<Sector> sectors) {}
