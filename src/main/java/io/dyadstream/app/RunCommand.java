package io.dyadstream.app;

import io.dyadstream.enrich.Enricher;
import io.dyadstream.enrich.Lexicons;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code dyadstream run}: the streams application against a Kafka cluster, until SIGTERM or Ctrl-C. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the streams application: stories.raw -> stories.enriched, relations.by-pair (and stories.dlq).")
final class RunCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Mixin
    AppConfig config;

    @Override
    public Integer call() throws Exception {
        Properties settings = config.load();
        LOG.info("settings: {}", AppConfig.describe(settings));
        Enricher enricher = new Enricher(Lexicons.loadDefault(), AppConfig.maxStoryBytes(settings));
        Instance instance = new Instance(settings, enricher);
        Runtime.getRuntime().addShutdownHook(new Thread(instance::close, "dyadstream-shutdown"));
        instance.start();
        LOG.info("query API, health and metrics at {}", instance.apiAddress());
        instance.awaitStop();
        // the app stopped by itself: a fatal error (the shutdown hook path never gets here)
        return instance.state() == KafkaStreams.State.ERROR ? 1 : 0;
    }
}
