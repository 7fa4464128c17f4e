package io.dyadstream.enrich;

import java.util.Set;

/**
 * The closed classes of words that the extraction rules test tokens against (function words, month
 * names, speech verbs, ...), each a bit. The {@link Vocabulary} numbers their words, and gives each
 * token of a story its classes when it looks the token up, so that a rule tests a bit
 * ({@link StoryWords#in}) rather than hashing and comparing the token's string once more. Function
 * words and prepositions stay with the rules that use them; lists an analyst may extend (speech verbs,
 * sports words, features, state bodies) are in {@code lexicon/word-lists.tsv} ({@link WordLists}).
 */
enum WordClass {
    FUNCTION(EntityExtractor.FUNCTION_WORDS),
    CALENDAR(EntityExtractor.CALENDAR),
    NAME_PARTICLE(EntityExtractor.NAME_PARTICLES),
    GIVEN_NAME(EntityExtractor.GIVEN_NAMES),
    SPEECH(EntityExtractor.SPEECH),
    LOCATIVE(EntityExtractor.LOCATIVE),
    /** A country's missions and ministries ("embassy", "consulate", "ministry"). */
    STATE_BODY(EntityExtractor.STATE_BODIES),
    /** The prepositions before a place that make it no part of a person's name ("Ambassador of Kazakhstan ..."). */
    GOVERNING_PREPOSITION(EntityExtractor.GOVERNING_PREPOSITIONS),
    /** The last word of a sea's, island group's or other feature's name ("Ocean", "Islands"). */
    FEATURE(EntityExtractor.FEATURES),
    /** A mission's head word, whose name takes the country it is posted to ("Embassy in Germany"). */
    MISSION(EntityExtractor.MISSIONS),
    OBJECT_PREPOSITION(RelationTagger.OBJECT_PREPOSITIONS),
    CLAUSE_BREAK(RelationTagger.CLAUSE_BREAKS),
    COORDINATION(RelationTagger.COORDINATION),
    SPORT(RelationTagger.SPORT),
    DUAL(RelationTagger.DUAL),
    /** The words a date can start with, other than numbers: month and weekday names, "next", "yesterday", ... */
    DATE_START(DateFinder.START_WORDS);

    private final Set<String> words;
    private final int bit;

    WordClass(Set<String> words) {
        this.words = words;
        this.bit = 1 << ordinal();
    }

    /** The class's words, in normal form. */
    Set<String> words() {
        return words;
    }

    int bit() {
        return bit;
    }
}
