package io.dyadstream.enrich;

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

    public static Lexicons loadDefault() {
        Vocabulary words = new Vocabulary();
        Gazetteer gazetteer = Gazetteer.loadDefault(words);
        CueLexicon eventTypes = CueLexicon.load("lexicon/event-types.tsv", words, true);
        CueLexicon sectors = CueLexicon.load("lexicon/sectors.tsv", words, false);
        CueLexicon modality = CueLexicon.load("lexicon/modality.tsv", words, false);
        CueLexicon roles = CueLexicon.load("lexicon/roles.tsv", words, false);
        words.complete();
        return new Lexicons(words, gazetteer, eventTypes, sectors, modality, roles);
    }
}
