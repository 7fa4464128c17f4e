package io.dyadstream.app;

import io.dyadstream.enrich.Enricher;
import io.dyadstream.http.ApiServer;
import io.dyadstream.topology.PipelineMetrics;
import java.io.IOException;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;

/**
 * One running dyadstream instance: the HTTP server (query API, health, metrics) bound first, so that
 * its address can be advertised to Kafka Streams as {@code application.server}, then the streams app.
 * Used by {@code run}, {@code demo} and the integration tests.
 */
final class Instance implements AutoCloseable {

    static final String HTTP_HOST = "dyadstream.http.host";
    static final String HTTP_PORT = "dyadstream.http.port";
    static final String HTTP_ADVERTISED = "dyadstream.http.advertised";

    private final ApiServer api;
    private final StreamsRunner runner;
    private final PipelineMetrics metrics = new PipelineMetrics();

    Instance(Properties settings, Enricher enricher) throws IOException {
        String host = settings.getProperty(HTTP_HOST, "127.0.0.1");
        int port = AppConfig.intSetting(settings, HTTP_PORT, 8080);
        this.api = ApiServer.start(host, port, metrics);
        String advertised = settings.getProperty(HTTP_ADVERTISED, ("0.0.0.0".equals(host) ? "localhost" : host) + ":" + api.port());
        Properties props = new Properties();
        props.putAll(settings);
        props.put("application.server", advertised);
        try {
            this.runner = new StreamsRunner(props, enricher, metrics);
        } catch (RuntimeException e) {
            api.close();
            throw e;
        }
        api.attach(runner.streams(), HostInfo.buildFromEndpoint(advertised));
    }

    void start() {
        runner.start();
    }

    boolean awaitRunning(Duration timeout) throws InterruptedException {
        return runner.awaitRunning(timeout);
    }

    void awaitStop() throws InterruptedException {
        runner.awaitStop();
    }

    KafkaStreams.State state() {
        return runner.state();
    }

    String apiAddress() {
        return api.address();
    }

    PipelineMetrics metrics() {
        return metrics;
    }

    KafkaStreams streams() {
        return runner.streams();
    }

    @Override
    public void close() {
        try {
            runner.close();
        } finally {
            api.close();
        }
    }
}
