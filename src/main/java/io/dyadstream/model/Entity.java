package io.dyadstream.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One entity mention in a story's text. {@code name} is the canonical form (taxonomy section 5: a
 * country's name, a person's full name, an ISO date); {@code code} is the ISO alpha-3 code of a
 * COUNTRY; {@code country} is the country a person, organisation or place belongs to;
 * {@code office} is a person's office ("President", "Ambassador"). Offsets are UTF-16 indices into
 * the enriched story's {@code text}, end exclusive.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Entity(
        EntityType type, String text, String name, String code, String country, String office, int start, int end) {}
