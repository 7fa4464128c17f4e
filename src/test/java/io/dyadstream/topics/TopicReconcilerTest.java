package io.dyadstream.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.dyadstream.topics.TopicReconciler.Report;
import io.dyadstream.topics.TopicReconciler.Status;
import io.dyadstream.topics.TopicReconciler.TopicResult;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.junit.jupiter.api.Test;

/** Unit tests without a broker; {@code EmbeddedKafkaBrokerIT} covers the real cluster calls. */
class TopicReconcilerTest {

    private static final Node N1 = new Node(1, "h", 1);
    private static final Node N2 = new Node(2, "h", 2);

    private static TopicDescription description(int partitions, List<Node> replicas) {
        List<TopicPartitionInfo> infos = new java.util.ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            infos.add(new TopicPartitionInfo(p, replicas.get(0), replicas, replicas));
        }
        return new TopicDescription("t", false, infos);
    }

    @Test
    void noDriftWhenEverythingMatches() {
        TopicSpec spec = new TopicSpec("t", "", 2, (short) 1, Map.of("retention.ms", "1000", "cleanup.policy", "compact,delete"));
        Config config = new Config(List.of(new ConfigEntry("retention.ms", "1000"),
                new ConfigEntry("cleanup.policy", "delete,compact"), new ConfigEntry("segment.bytes", "42")));
        assertEquals(List.of(), TopicReconciler.drift(spec, description(2, List.of(N1)), config));
    }

    @Test
    void driftLinesNameWhatDiffers() {
        TopicSpec spec = new TopicSpec("t", "", 6, (short) 1,
                Map.of("retention.ms", "1000", "compression.type", "zstd", "min.insync.replicas", "1"));
        Config config = new Config(List.of(new ConfigEntry("retention.ms", "2000"), new ConfigEntry("compression.type", "zstd")));
        assertEquals(List.of(
                        "partitions: spec 6, cluster 8",
                        "replication.factor: spec 1, cluster 2",
                        "min.insync.replicas: spec 1, cluster does not report this config",
                        "retention.ms: spec 1000, cluster 2000 (not set on the topic: unknown)"),
                TopicReconciler.drift(spec, description(8, List.of(N1, N2)), config));
    }

    @Test
    void tableListsEveryTopicAndASummary() {
        Report report = new Report(List.of(
                new TopicResult("stories.raw", Status.CREATED, List.of("6 partitions, RF 1, 4 configs")),
                new TopicResult("relations.by-pair", Status.DRIFT, List.of("partitions: spec 6, cluster 8", "retention.ms: spec 1, cluster 2")),
                new TopicResult("stories.dlq", Status.OK, List.of("1 partition, RF 1"))), false);
        assertTrue(report.hasDrift());
        assertFalse(report.hasMissing());
        assertEquals(List.of("relations.by-pair"), report.names(Status.DRIFT));
        String nl = System.lineSeparator();
        assertEquals(String.join(nl,
                "TOPIC              STATUS           DETAILS",
                "stories.raw        CREATED          6 partitions, RF 1, 4 configs",
                "relations.by-pair  DRIFT            partitions: spec 6, cluster 8",
                "                                    retention.ms: spec 1, cluster 2",
                "stories.dlq        OK               1 partition, RF 1",
                "3 topics: 1 CREATED, 1 OK, 1 DRIFT",
                "Drift is only reported: existing topics are never altered or deleted.", ""), report.toTable());
    }

    @Test
    void unreachableClusterFailsWithinTheTimeoutWithAClearMessage() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        long t0 = System.nanoTime();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port))) {
            TopicReconciler reconciler = new TopicReconciler(admin, Duration.ofSeconds(2));
            TopicAdminException e = assertThrows(TopicAdminException.class,
                    () -> reconciler.apply(TopicsFile.loadDefault(), true));
            assertTrue(e.getMessage().startsWith("Kafka did not answer within 2 s when trying to describe topic"), e.getMessage());
            assertTrue(e.getMessage().contains("check the bootstrap servers"), e.getMessage());
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 10_000, "took " + ms + " ms");
    }

    @Test
    void duplicateSpecsAreRejected() {
        TopicSpec a = new TopicSpec("a", "", 1, (short) 1, Map.of());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1"))) {
            assertThrows(IllegalArgumentException.class, () -> new TopicReconciler(admin).apply(List.of(a, a), true));
        }
    }
}
