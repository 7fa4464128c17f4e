package io.dyadstream.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The value written to {@code relations.by-pair}, keyed by {@link #pair}: one story's relation for one
 * pair, with the entities that act for each of the two countries ({@code actors}, keyed by alpha-3 code).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PairRecord(
        String schema,
        String pair,
        String storyId,
        String published,
        String headline,
        String agency,
        List<Tag> tags,
        List<Sector> sectors,
        Map<String, List<Entity>> actors) {

    public static final String SCHEMA = "dyadstream.relation/1";
}
