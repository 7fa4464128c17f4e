package io.dyadstream.model;

/** Entity types of taxonomy section 5. */
public enum EntityType { COUNTRY, PERSON, ORG, LOCATION, DATE }
