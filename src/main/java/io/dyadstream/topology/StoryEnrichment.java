package io.dyadstream.topology;

import io.dyadstream.model.EnrichedStory;

/**
 * What the topology does to each raw record: parse and enrich it ({@code Enricher::enrich} in the app), or
 * throw {@link io.dyadstream.enrich.InvalidStoryException} for a record that is no story. The bench passes
 * stories enriched beforehand, to measure the topology's Kafka work on its own.
 */
@FunctionalInterface
public interface StoryEnrichment {

    EnrichedStory enrich(byte[] key, byte[] value);
}
