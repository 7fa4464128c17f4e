package io.dyadstream.enrich;

import io.dyadstream.model.EntityType;

/**
 * An entity mention found in a story: tokens [{@code from}, {@code to}) of sentence {@code sentence},
 * its type and canonical name, the country it belongs to ({@code country}, alpha-3, may be null),
 * how it names that country ({@code via}), and whether it can act for the country in a relation
 * ({@code actor}): a country named as the place where something happened cannot.
 */
record Mention(
        EntityType type,
        int from,
        int to,
        int sentence,
        String text,
        String name,
        String country,
        Via via,
        boolean actor,
        String office,
        String host) {

    /** How a mention names its country; the order is the strength of the evidence. */
    enum Via { NAME, PERSON, SEAT, ORG, DEMONYM, CAPITAL, REFERENCE, PLACE, BORDER, STANCE, NONE }

    /** The country named only as what something is for or against ("anti-Syria"): never an actor, not even a place. */
    Mention asStance() {
        return new Mention(type, from, to, sentence, text, name, country, Via.STANCE, false, office, host);
    }

    /** The country named only as the border where something happened ("on the Thai border"): never an actor, nor the ground of an attack. */
    Mention asBorder() {
        return new Mention(type, from, to, sentence, text, name, country, Via.BORDER, false, office, host);
    }

    Mention withActor(boolean isActor) {
        return new Mention(type, from, to, sentence, text, name, country, via, isActor, office, host);
    }
}
