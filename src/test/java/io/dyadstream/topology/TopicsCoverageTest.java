package io.dyadstream.topology;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dyadstream.enrich.Enricher;
import io.dyadstream.enrich.Lexicons;
import io.dyadstream.topics.TopicSpec;
import io.dyadstream.topics.TopicsFile;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

/** The topology may only read and write topics that topics.yaml declares (the DLQ included). */
class TopicsCoverageTest {

    @Test
    void everyTopicOfTheTopologyIsInTopicsYaml() {
        Set<String> declared = TopicsFile.load(Path.of("topics.yaml")).stream().map(TopicSpec::name).collect(Collectors.toSet());
        TopologySettings settings = TopologySettings.defaults();
        TopicNames topics = settings.topics();
        TopologyDescription description = DyadTopology.build(settings, new Enricher(Lexicons.loadDefault(), 1024)::enrich, new PipelineMetrics())
                .describe();
        Set<String> used = new HashSet<>();
        for (TopologyDescription.Subtopology sub : description.subtopologies()) {
            for (TopologyDescription.Node node : sub.nodes()) {
                if (node instanceof TopologyDescription.Source source) {
                    source.topicSet().stream().filter(t -> !t.contains(DyadTopology.STORIES_BY_PAIR)).forEach(used::add);
                } else if (node instanceof TopologyDescription.Sink sink) {
                    if (!sink.topic().contains(DyadTopology.STORIES_BY_PAIR)) {
                        used.add(sink.topic()); // the repartition topic is internal, created by Kafka Streams
                    }
                }
            }
        }
        used.add(StreamsSettings.complete(new java.util.Properties(), topics).getProperty("errors.dead.letter.queue.topic.name"));
        assertTrue(used.size() >= 5, "expected raw, enriched, pairs, daily and dlq: " + used);
        for (String topic : used) {
            assertTrue(declared.contains(topic), "the topology uses " + topic + ", which topics.yaml lacks");
        }
    }
}
