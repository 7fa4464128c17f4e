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
        StreamsRunner runner = new StreamsRunner(settings, enricher);
        Thread hook = new Thread(runner::close, "dyadstream-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        runner.start();
        runner.awaitStop();
        // the app stopped by itself: a fatal error (the shutdown hook path never gets here)
        return runner.state() == KafkaStreams.State.ERROR ? 1 : 0;
    }
}
