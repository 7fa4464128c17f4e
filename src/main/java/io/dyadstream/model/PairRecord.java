package io.dyadstream.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The value written to {@code relations.by-pair}, keyed by {@link #pair}: one story's relation for one
 * pair, with the entities that act for each of the two countries ({@code actors}, keyed by alpha-3 code).
 * A republished copy of an earlier story carries {@code duplicateOf} (the first story's id) and its
 * {@code similarity}; {@code sources} lists every source that carried the event so far.
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
        Map<String, List<Entity>> actors,
        String duplicateOf,
        Double similarity,
        List<String> sources) {

    public static final String SCHEMA = "dyadstream.relation/1";

    /** A relation record not yet checked for duplicates. */
    public PairRecord(String schema, String pair, String storyId, String published, String headline, String agency, List<Tag> tags,
            List<Sector> sectors, Map<String, List<Entity>> actors) {
        this(schema, pair, storyId, published, headline, agency, tags, sectors, actors, null, null, null);
    }

    public PairRecord asDuplicate(String duplicateOf, Double similarity, List<String> sources) {
        return new PairRecord(schema, pair, storyId, published, headline, agency, tags, sectors, actors, duplicateOf, similarity, sources);
    }
}
