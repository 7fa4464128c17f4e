package io.dyadstream.enrich;

import io.dyadstream.model.EventType;
import io.dyadstream.model.Modality;
import io.dyadstream.model.Sector;
import java.util.HashSet;
import java.util.Set;

/**
 * The data the extractor works from, loaded once: the gazetteer and the cue lexicons, whose words
 * are all numbered in one {@link Vocabulary}, so that a story's tokens are looked up once for all.
 */
public record Lexicons(Vocabulary vocabulary, Gazetteer gazetteer, CueLexicon eventTypes, CueLexicon sectors, CueLexicon modality,
        CueLexicon roles) {

    public Lexicons {
        for (PhraseMatcher<?> m : new PhraseMatcher<?>[] {gazetteer.matcher(), eventTypes.matcher(), sectors.matcher(),
                modality.matcher(), roles.matcher()}) {
            if (m.vocabulary() != vocabulary) {
                throw new IllegalArgumentException("every lexicon must number its words in the shared vocabulary");
            }
        }
    }

    /** The labels of lexicon/roles.tsv that the rules read. */
    static final Set<String> ROLES = Set.of("OFFICE", "ENVOY", "ORG_HEAD", "PLACE_NOUN", "GOV_NOUN", "PAIR_REF", "PAIR_ACT", "FOLLOW", "MULTI", "RECIPROCAL",
            "VISIT", "TRILATERAL", "PORTFOLIO");

    public static Lexicons loadDefault() {
        Vocabulary words = new Vocabulary();
        Gazetteer gazetteer = Gazetteer.loadDefault(words);
        CueLexicon eventTypes = CueLexicon.load("lexicon/event-types.tsv", words, true, labels(EventType.values()), EventType.class);
        CueLexicon sectors = CueLexicon.load("lexicon/sectors.tsv", words, false, labels(Sector.values()), Sector.class);
        CueLexicon modality = CueLexicon.load("lexicon/modality.tsv", words, false, labels(Modality.PLANNED, Modality.NEGATED),
                Modality.class);
        CueLexicon roles = CueLexicon.load("lexicon/roles.tsv", words, false, ROLES);
        words.complete();
        return new Lexicons(words, gazetteer, eventTypes, sectors, modality, roles);
    }

    /** The names of {@code values} and {@link CueLexicon#NONE}. */
    private static Set<String> labels(Enum<?>... values) {
        Set<String> labels = new HashSet<>();
        for (Enum<?> v : values) {
            labels.add(v.name());
        }
        labels.add(CueLexicon.NONE);
        return labels;
    }
}
