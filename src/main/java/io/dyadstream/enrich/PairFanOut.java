package io.dyadstream.enrich;

import io.dyadstream.model.EnrichedStory;
import io.dyadstream.model.Entity;
import io.dyadstream.model.EntityType;
import io.dyadstream.model.PairRecord;
import io.dyadstream.model.PairRelation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Splits an enriched story into one {@link PairRecord} per country pair, with the entities acting for each side. */
public final class PairFanOut {

    private PairFanOut() {}

    public static List<PairRecord> records(EnrichedStory story) {
        List<PairRecord> records = new ArrayList<>(story.pairs().size());
        for (PairRelation pair : story.pairs()) {
            Map<String, List<Entity>> actors = new LinkedHashMap<>();
            for (String code : pair.countries()) {
                actors.put(code, actorsOf(story, code));
            }
            records.add(new PairRecord(PairRecord.SCHEMA, pair.pair(), story.id(), story.published(), story.headline(),
                    story.agency(), pair.tags(), pair.sectors(), actors));
        }
        return records;
    }

    /** The persons, organisations and country names that stand for {@code code}, one per name. */
    private static List<Entity> actorsOf(EnrichedStory story, String code) {
        List<Entity> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Entity e : story.entities()) {
            boolean belongs = code.equals(e.code()) || (code.equals(e.country()) && e.type() != EntityType.LOCATION);
            if (belongs && e.type() != EntityType.DATE && seen.add(e.type() + "/" + e.name())) {
                out.add(e);
            }
        }
        return out;
    }
}
