package io.dyadstream.topology;

import io.dyadstream.enrich.InvalidStoryException;
import io.dyadstream.enrich.PairFanOut;
import io.dyadstream.model.EnrichedStory;
import io.dyadstream.model.Entity;
import io.dyadstream.model.PairRecord;
import io.dyadstream.serde.Json;

/**
 * Refuses, as a bad story, one whose enriched form or one of whose relation records would be larger than
 * the producer sends in one request (max.request.size): under exactly-once such a record would put the
 * transaction in an error state and stop the app. Exact sizes are computed only when a cheap bound says a
 * story might be that large, so ordinary stories cost nothing.
 */
final class OutputLimit {

    /** Kafka's default max.request.size less room for the record's key, headers and batch. */
    static final int DEFAULT_MAX_BYTES = (1 << 20) - 64 * 1024;

    private OutputLimit() {}

    static void check(EnrichedStory story, int maxBytes) {
        long bound = 4L * story.text().length() + 512;
        for (Entity e : story.entities()) {
            bound += 200 + 4L * e.text().length();
        }
        bound += 2000L * story.pairs().size();
        if (bound <= maxBytes / 2) {
            return;
        }
        try {
            int size = Json.MAPPER.writeValueAsBytes(story).length;
            if (size > maxBytes) {
                throw new InvalidStoryException("the enriched story would be " + size + " bytes (" + story.entities().size()
                        + " entities, " + story.pairs().size() + " pairs), more than one record may hold (" + maxBytes
                        + " bytes, from max.request.size); the story names too much to write");
            }
            for (PairRecord r : PairFanOut.records(story)) {
                int pairSize = Json.MAPPER.writeValueAsBytes(r).length;
                if (pairSize > maxBytes) {
                    throw new InvalidStoryException("the relation record for " + r.pair() + " would be " + pairSize
                            + " bytes, more than one record may hold (" + maxBytes + " bytes, from max.request.size)");
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the enriched story as JSON", e);
        }
    }
}
