package io.dyadstream.enrich;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a sentence's actors of each country stand, and how strongly they stand for it, gathered in
 * one pass over the actors. {@link RelationTagger} asks this for every cue and pair; a pass over the
 * actors for each question would make a long sentence cost the square of its length.
 */
final class ActorIndex {

    /** The actors of one country: the extremes of their token spans, and the strongest way they name it. */
    private static final class Country {
        int minTo = Integer.MAX_VALUE;
        int maxTo = Integer.MIN_VALUE;
        int maxFrom = Integer.MIN_VALUE;
        double strength = Double.NEGATIVE_INFINITY;
    }

    private final Map<String, Country> byCode = new HashMap<>();
    /** The strength of a country without an actor of its own: a pair known from elsewhere ("the two countries") counts more. */
    private final double floor;

    ActorIndex(List<Mention> actors) {
        floor = actors.isEmpty() ? 0.8 : 0.6;
        for (Mention m : actors) {
            Country c = byCode.computeIfAbsent(m.country(), k -> new Country());
            c.minTo = Math.min(c.minTo, m.to());
            c.maxTo = Math.max(c.maxTo, m.to());
            c.maxFrom = Math.max(c.maxFrom, m.from());
            c.strength = Math.max(c.strength, strength(m.via()));
        }
    }

    private static double strength(Mention.Via via) {
        return switch (via) {
            case NAME, PERSON, SEAT -> 1.0;
            case ORG, DEMONYM -> 0.9;
            case CAPITAL -> 0.85;
            default -> 0.7;
        };
    }

    /** Whether an actor of the country ends by token {@code i} (before a cue that starts there). */
    boolean endsBy(String code, int i) {
        Country c = byCode.get(code);
        return c != null && c.minTo <= i;
    }

    /** Whether an actor of the country ends after token {@code i}. */
    boolean endsAfter(String code, int i) {
        Country c = byCode.get(code);
        return c != null && c.maxTo > i;
    }

    /** Whether an actor of the country starts at or after token {@code i} (after a cue that ends there). */
    boolean startsFrom(String code, int i) {
        Country c = byCode.get(code);
        return c != null && c.maxFrom >= i;
    }

    /** How strongly the sentence's actors stand for the country: by the best of them, at least the floor. */
    double strength(String code) {
        Country c = byCode.get(code);
        return c == null ? floor : Math.max(floor, c.strength);
    }
}
