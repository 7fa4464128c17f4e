package io.dyadstream.topology;

import io.dyadstream.enrich.Enricher;
import io.dyadstream.enrich.PairFanOut;
import io.dyadstream.model.EnrichedStory;
import io.dyadstream.model.PairRecord;
import io.dyadstream.serde.JsonSerde;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The dyadstream topology: reads raw stories from {@code stories.raw} as bytes, parses and enriches
 * each one, writes the enriched story to {@code stories.enriched} keyed by story id, and one record per
 * country pair to {@code relations.by-pair} keyed by pair. A record that cannot be parsed or enriched
 * raises an exception that the processing exception handler turns into a record on {@code stories.dlq}
 * with the original bytes (see {@link StreamsSettings}). Stateless: no stores, no repartition.
 */
public final class DyadTopology {

    private DyadTopology() {}

    public static Topology build(TopicNames topics, Enricher enricher) {
        Serde<byte[]> bytes = Serdes.ByteArray();
        Serde<String> strings = Serdes.String();
        StreamsBuilder builder = new StreamsBuilder();

        KStream<String, EnrichedStory> enriched = builder
                .stream(topics.raw(), Consumed.with(bytes, bytes).withName("read-raw-stories"))
                .map((key, value) -> {
                    EnrichedStory story = enricher.enrich(key, value);
                    return KeyValue.pair(story.id(), story);
                }, Named.as("parse-and-enrich"));

        enriched.to(topics.enriched(), Produced.with(strings, new JsonSerde<>(EnrichedStory.class)).withName("write-enriched"));

        enriched.flatMap((id, story) -> PairFanOut.records(story).stream()
                        .map(record -> KeyValue.pair(record.pair(), record))
                        .toList(), Named.as("fan-out-pairs"))
                .to(topics.pairs(), Produced.with(strings, new JsonSerde<>(PairRecord.class)).withName("write-pairs"));

        return builder.build();
    }
}
