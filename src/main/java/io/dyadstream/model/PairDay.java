package io.dyadstream.model;

import java.util.List;
import java.util.Map;

/**
 * One pair's day, the value of {@code relations.pair-daily} and of the {@code pair-daily} store:
 * stories (each event once; republished copies counted under {@code duplicates}), counts per event type
 * and quad class of the counted tags, the mean cooperation-conflict score of those tags, counts per
 * sector, the latest story ids and the sources that carried the day's stories.
 */
public record PairDay(
        String schema,
        String pair,
        String day,
        int stories,
        int duplicates,
        Map<EventType, Integer> types,
        Map<Integer, Integer> quads,
        double score,
        int scoredTags,
        Map<Sector, Integer> sectors,
        List<String> latestStories,
        List<String> sources) {

    public static final String SCHEMA = "dyadstream.pair-day/1";
}
