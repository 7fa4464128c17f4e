package io.dyadstream.model;

/** Where a story was filed: the city of its dateline and the country that city lies in (null if unknown). */
public record Dateline(String place, String country) {}
