package io.dyadstream.enrich;

/** The data the extractor works from, loaded once: the gazetteer and the cue lexicons. */
public record Lexicons(Gazetteer gazetteer, CueLexicon eventTypes, CueLexicon sectors, CueLexicon modality, CueLexicon roles) {

    public static Lexicons loadDefault() {
        return new Lexicons(
                Gazetteer.loadDefault(),
                CueLexicon.loadStemmed("lexicon/event-types.tsv"),
                CueLexicon.load("lexicon/sectors.tsv"),
                CueLexicon.load("lexicon/modality.tsv"),
                CueLexicon.load("lexicon/roles.tsv"));
    }
}
