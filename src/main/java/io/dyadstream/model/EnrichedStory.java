package io.dyadstream.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The value written to {@code stories.enriched}: schema {@value #SCHEMA}, documented in the README. */
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
        List<PairRelation> pairs) {

    public static final String SCHEMA = "dyadstream.enriched/1";
}
