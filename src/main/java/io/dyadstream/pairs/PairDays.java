package io.dyadstream.pairs;

import io.dyadstream.model.EventType;
import io.dyadstream.model.Modality;
import io.dyadstream.model.PairDay;
import io.dyadstream.model.PairRecord;
import io.dyadstream.model.Sector;
import io.dyadstream.model.Tag;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Adds a relation record to its pair's day. A story counts once; a republished copy
 * ({@code duplicateOf} set) adds only its sources. Negated tags do not count (taxonomy section 3).
 */
public final class PairDays {

    /** How many story ids a day keeps, newest first. */
    public static final int LATEST = 10;

    private PairDays() {}

    public static PairDay empty(String pair, String day) {
        return new PairDay(PairDay.SCHEMA, pair, day, 0, 0, new EnumMap<>(EventType.class), new TreeMap<>(), 0, 0,
                new EnumMap<>(Sector.class), List.of(), List.of());
    }

    public static PairDay add(PairDay day, PairRecord record) {
        Set<String> sources = new LinkedHashSet<>(day.sources());
        if (record.sources() != null) {
            sources.addAll(record.sources());
        }
        if (record.duplicateOf() != null) {
            return new PairDay(day.schema(), day.pair(), day.day(), day.stories(), day.duplicates() + 1, day.types(), day.quads(),
                    day.score(), day.scoredTags(), day.sectors(), day.latestStories(), List.copyOf(sources));
        }
        Map<EventType, Integer> types = new EnumMap<>(EventType.class);
        types.putAll(day.types());
        Map<Integer, Integer> quads = new TreeMap<>(day.quads());
        Map<Sector, Integer> sectors = new EnumMap<>(Sector.class);
        sectors.putAll(day.sectors());
        double sum = day.score() * day.scoredTags();
        int scored = day.scoredTags();
        Set<EventType> storyTypes = new LinkedHashSet<>();
        for (Tag tag : record.tags()) {
            if (tag.modality() != Modality.NEGATED && storyTypes.add(tag.type())) {
                sum += CooperationScale.score(tag.type());
                scored++;
            }
        }
        for (EventType type : storyTypes) {
            types.merge(type, 1, Integer::sum);
            quads.merge(type.quad(), 1, Integer::sum);
        }
        for (Sector sector : record.sectors()) {
            sectors.merge(sector, 1, Integer::sum);
        }
        List<String> latest = new ArrayList<>(LATEST);
        latest.add(record.storyId());
        for (String id : day.latestStories()) {
            if (latest.size() < LATEST && !id.equals(record.storyId())) {
                latest.add(id);
            }
        }
        double score = scored == 0 ? 0 : sum / scored;
        return new PairDay(day.schema(), day.pair(), day.day(), day.stories() + 1, day.duplicates(), types, quads, score, scored,
                sectors, latest, List.copyOf(sources));
    }

    /** The day with its date set from its window's start (ms since the epoch, UTC). */
    public static PairDay dated(PairDay day, long windowStart) {
        String date = java.time.Instant.ofEpochMilli(windowStart).atZone(java.time.ZoneOffset.UTC).toLocalDate().toString();
        return new PairDay(day.schema(), day.pair(), date, day.stories(), day.duplicates(), day.types(), day.quads(), day.score(),
                day.scoredTags(), day.sectors(), day.latestStories(), day.sources());
    }
}
