package io.dyadstream.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The value written to {@code stories.enriched}: schema {@value #SCHEMA}, documented in the README. A
 * republished copy of an earlier story carries {@code duplicateOf} (the first story's id) and the
 * {@code similarity} of the two texts.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnrichedStory(
        String schema,
        String id,
        String headline,
        String published,
        Dateline dateline,
        String agency,
        List<String> credits,
        String source,
        String url,
        String lang,
        String text,
        List<Entity> entities,
        List<PairRelation> pairs,
        String duplicateOf,
        Double similarity) {

    public static final String SCHEMA = "dyadstream.enriched/1";

    /** A story not yet checked for duplicates. */
    public EnrichedStory(String schema, String id, String headline, String published, Dateline dateline, String agency,
            List<String> credits, String source, String url, String lang, String text, List<Entity> entities, List<PairRelation> pairs) {
        this(schema, id, headline, published, dateline, agency, credits, source, url, lang, text, entities, pairs, null, null);
    }

    public EnrichedStory asDuplicate(String firstId, double similarityToFirst) {
        return new EnrichedStory(schema, id, headline, published, dateline, agency, credits, source, url, lang, text, entities, pairs,
                firstId, similarityToFirst);
    }
}
