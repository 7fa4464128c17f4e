package io.dyadstream.app;

import io.dyadstream.enrich.Enricher;
import io.dyadstream.enrich.Lexicons;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code dyadstream run}: the streams application against a Kafka cluster, until SIGTERM or Ctrl-C.
 * Before it starts the streams app it asks the cluster for its id once, so that credentials the cluster
 * refuses end the command within seconds with a message naming the settings to fix (exit code 2).
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the streams application: stories.raw -> stories.enriched, relations.by-pair (and stories.dlq).")
final class RunCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(15);

    @Mixin
    AppConfig config;

    @Override
    public Integer call() throws Exception {
        Properties settings = config.load();
        LOG.info("settings: {}", AppConfig.describe(settings));
        checkCredentials(settings);
        Enricher enricher = new Enricher(Lexicons.loadDefault(), AppConfig.maxStoryBytes(settings));
        Instance instance = new Instance(settings, enricher);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            long start = System.nanoTime();
            LOG.info("stopping (SIGTERM or Ctrl-C): closing within {} s and leaving the group", StreamsRunner.CLOSE_TIMEOUT.toSeconds());
            instance.close();
            LOG.info("stopped in {} ms (state {})", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), instance.state());
        }, "dyadstream-shutdown"));
        instance.start();
        LOG.info("query API, health and metrics at {}", instance.apiAddress());
        instance.awaitStop();
        // the app stopped by itself: a fatal error (the shutdown hook path never gets here)
        return instance.state() == KafkaStreams.State.ERROR ? 1 : 0;
    }

    /**
     * Asks the cluster for its id with the app's own client settings. Refused credentials are a setting
     * to fix, not something to retry: they fail the command (Kafka Streams would only stop after its
     * threads died, with stack traces). A cluster that does not answer in time is only logged, since
     * Kafka Streams waits for it.
     */
    static void checkCredentials(Properties settings) {
        Properties props = AppConfig.clientProperties(settings);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "dyadstream-credentials-check");
        Admin admin = Admin.create(props);
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) CHECK_TIMEOUT.toMillis())).clusterId()
                    .get(CHECK_TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            if (cause instanceof AuthenticationException) {
                throw new IllegalArgumentException(AppConfig.authenticationFailure(settings, cause));
            }
            LOG.warn("the cluster at {} did not answer yet ({}); starting anyway, Kafka Streams waits for it",
                    settings.getProperty("bootstrap.servers"), AppConfig.redact(String.valueOf(cause)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            admin.close(Duration.ofSeconds(5));
        }
    }
}
