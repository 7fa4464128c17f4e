package io.dyadstream.pairs;

import io.dyadstream.model.EventType;
import java.util.EnumMap;
import java.util.Map;

/**
 * A cooperation-conflict score per event type, from +10 (most cooperative) to -10 (most hostile), in
 * the spirit of the Goldstein scale GDELT uses and of PLOVER's intensity: verbal cooperation scores a
 * little above zero, material cooperation more, verbal conflict below zero and material conflict
 * lowest. A day's score for a pair is the mean over its counted (not negated) tags.
 */
public final class CooperationScale {

    private static final Map<EventType, Double> SCORES = new EnumMap<>(Map.ofEntries(
            Map.entry(EventType.CONSULT, 1.0),
            Map.entry(EventType.SUPPORT, 3.0),
            Map.entry(EventType.AGREE, 4.0),
            Map.entry(EventType.CONCEDE, 5.0),
            Map.entry(EventType.COOPERATE, 6.0),
            Map.entry(EventType.RETREAT, 6.5),
            Map.entry(EventType.AID, 7.0),
            Map.entry(EventType.REQUEST, -2.0),
            Map.entry(EventType.ACCUSE, -3.0),
            Map.entry(EventType.REJECT, -4.0),
            Map.entry(EventType.THREATEN, -6.0),
            Map.entry(EventType.PROTEST, -6.5),
            Map.entry(EventType.SANCTION, -7.0),
            Map.entry(EventType.MOBILIZE, -7.5),
            Map.entry(EventType.COERCE, -8.5),
            Map.entry(EventType.ASSAULT, -10.0)));

    private CooperationScale() {}

    public static double score(EventType type) {
        return SCORES.get(type);
    }

    /** The whole scale, for the API and the docs. */
    public static Map<EventType, Double> scale() {
        return SCORES;
    }
}
