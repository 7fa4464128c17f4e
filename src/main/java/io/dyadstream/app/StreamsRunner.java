package io.dyadstream.app;

import io.dyadstream.enrich.Enricher;
import io.dyadstream.topology.DyadTopology;
import io.dyadstream.topology.StreamsSettings;
import io.dyadstream.topology.DeadLetterHandler;
import io.dyadstream.topology.PipelineMetrics;
import io.dyadstream.topology.TopologySettings;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns one KafkaStreams instance of the dyadstream topology: starts it, waits until it runs, and
 * closes it within a timeout, leaving the consumer group. A fatal error shuts the client down, so
 * that a supervisor sees the process exit instead of a stream that silently stopped; refused
 * credentials are reported with the settings to check, and no logged error carries a secret.
 */
final class StreamsRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsRunner.class);
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaStreams streams;
    private final CountDownLatch stopped = new CountDownLatch(1);

    StreamsRunner(Properties settings, Enricher enricher, PipelineMetrics metrics) {
        TopologySettings topology = TopologySettings.from(settings);
        Properties props = StreamsSettings.complete(settings, topology.topics());
        props.put(DeadLetterHandler.METRICS_CONFIG, metrics);
        this.streams = new KafkaStreams(DyadTopology.build(topology, enricher::enrich, metrics), props);
        streams.setUncaughtExceptionHandler(e -> {
            Throwable auth = authenticationCause(e);
            if (auth != null) {
                LOG.error("shutting down: {}", AppConfig.authenticationFailure(settings, auth));
            } else {
                LOG.error("stream thread failed; shutting down: {}", AppConfig.redact(e.toString()));
            }
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.setStateListener((now, before) -> {
            LOG.info("streams state {} -> {}", before, now);
            if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
                stopped.countDown();
            }
        });
    }

    void start() {
        streams.start();
    }

    /** The authentication failure behind {@code e} (credentials revoked or rotated while the app runs), or null. */
    static Throwable authenticationCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AuthenticationException) {
                return t;
            }
        }
        return null;
    }

    /** Waits until the app is RUNNING; false if it failed or the timeout passed first. */
    boolean awaitRunning(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            KafkaStreams.State state = streams.state();
            if (state == KafkaStreams.State.RUNNING) {
                return true;
            }
            if (state == KafkaStreams.State.ERROR || state == KafkaStreams.State.NOT_RUNNING) {
                return false;
            }
            stopped.await(50, TimeUnit.MILLISECONDS);
        }
        return false;
    }

    /** Blocks until the app stops by itself (an error) or the thread is interrupted. */
    void awaitStop() throws InterruptedException {
        stopped.await();
    }

    KafkaStreams.State state() {
        return streams.state();
    }

    KafkaStreams streams() {
        return streams;
    }

    @Override
    public void close() {
        streams.close(CloseOptions.timeout(CLOSE_TIMEOUT).withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
    }
}
