package io.dyadstream.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Kafka broker (KRaft, combined broker + controller) inside this JVM, for
 * {@code dyadstream demo} and the integration tests. It listens on 127.0.0.1 only, keeps its data in
 * a temporary folder that {@link #close()} deletes, runs internal topics at RF 1 and never
 * auto-creates topics. Built on Kafka's internal server classes from {@code kafka_2.13}, whose
 * signatures used here are unchanged from 4.0 to 4.4. A shutdown hook closes a broker still open
 * when the JVM exits (Ctrl-C); {@code close()} is idempotent and thread-safe.
 *
 * <p>For the reliability tests it can also stop and start again on the same data folder and ports
 * ({@link #stop()}, {@link #restart()}), and offer a second listener with SASL_PLAINTEXT and
 * SCRAM-SHA-512 for one user ({@link Scram}).
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    private static final long READY_TIMEOUT_MS = 60_000;

    private KafkaRaftServer server;
    private final Properties config;
    private final Path dir;
    private final int port;
    private final int scramPort;
    private final Thread shutdownHook = new Thread(this::close, "embedded-kafka-shutdown");
    private boolean running = true;
    private boolean closed;

    /** A SASL_PLAINTEXT listener with SCRAM-SHA-512 next to the PLAINTEXT one, and the one user it knows. */
    public record Scram(String username, String password) {}

    private EmbeddedKafkaBroker(KafkaRaftServer server, Properties config, Path dir, int port, int scramPort) {
        this.server = server;
        this.config = config;
        this.dir = dir;
        this.port = port;
        this.scramPort = scramPort;
    }

    /** Starts a broker on a free port with a fresh temporary data folder. */
    public static EmbeddedKafkaBroker start() throws IOException {
        return start(0, Map.of());
    }

    /**
     * Starts a broker and returns once it answers {@code Admin.describeCluster()}.
     *
     * @param port               client port on 127.0.0.1; 0 picks a free one
     * @param extraBrokerConfigs broker configs that override the defaults (not {@code listeners})
     */
    public static EmbeddedKafkaBroker start(int port, Map<String, String> extraBrokerConfigs) throws IOException {
        return start(port, extraBrokerConfigs, null);
    }

    /**
     * As {@link #start(int, Map)}, with a SASL_PLAINTEXT listener for SCRAM-SHA-512 on a free port
     * ({@link #scramBootstrapServers()}) when {@code scram} is given; the user's credential is created
     * before this returns. The PLAINTEXT listener stays open (for the broker itself and test tools).
     */
    public static EmbeddedKafkaBroker start(int port, Map<String, String> extraBrokerConfigs, Scram scram) throws IOException {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 (a free port) or 1-65535, got " + port);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return startOnce(port == 0 ? freePort(-1) : checkFree(port), extraBrokerConfigs, scram);
            } catch (IOException e) {
                boolean lostPortRace = Stream.iterate((Throwable) e, t -> t != null, Throwable::getCause)
                        .anyMatch(t -> t instanceof BindException);
                if (!lostPortRace || attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private static EmbeddedKafkaBroker startOnce(int brokerPort, Map<String, String> extra, Scram scram) throws IOException {
        int controllerPort = freePort(brokerPort);
        int scramPort = scram == null ? -1 : freePort(brokerPort, controllerPort);
        Path dir = Files.createTempDirectory("dyadstream-kafka-");
        KafkaRaftServer server = null;
        try {
            Properties p = new Properties();
            p.load(new StringReader(String.join("\n",
                    "process.roles=broker,controller",
                    "node.id=1",
                    "controller.quorum.bootstrap.servers=" + HOST + ":" + controllerPort,
                    "listeners=PLAINTEXT://" + HOST + ":" + brokerPort + ",CONTROLLER://" + HOST + ":" + controllerPort,
                    "advertised.listeners=PLAINTEXT://" + HOST + ":" + brokerPort,
                    "controller.listener.names=CONTROLLER",
                    "inter.broker.listener.name=PLAINTEXT",
                    "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                    "offsets.topic.replication.factor=1", // one node: every internal topic at RF 1
                    "transaction.state.log.replication.factor=1",
                    "transaction.state.log.min.isr=1",
                    "share.coordinator.state.topic.replication.factor=1",
                    "share.coordinator.state.topic.min.isr=1",
                    "group.initial.rebalance.delay.ms=0", // else +3 s for every new group or Streams app
                    "auto.create.topics.enable=false")));
            p.put("log.dirs", dir.resolve("data").toString());
            if (scram != null) {
                p.put("listeners", p.getProperty("listeners") + ",SASL_PLAINTEXT://" + HOST + ":" + scramPort);
                p.put("advertised.listeners", p.getProperty("advertised.listeners") + ",SASL_PLAINTEXT://" + HOST + ":" + scramPort);
                p.put("listener.security.protocol.map", p.getProperty("listener.security.protocol.map") + ",SASL_PLAINTEXT:SASL_PLAINTEXT");
                p.put("sasl.enabled.mechanisms", "SCRAM-SHA-512");
                p.put("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required;");
            }
            p.putAll(extra == null ? Map.of() : extra);
            Path propsFile = dir.resolve("server.properties");
            try (OutputStream out = Files.newOutputStream(propsFile)) {
                p.store(out, "dyadstream embedded broker");
            }
            format(propsFile);
            server = new KafkaRaftServer(KafkaConfig.fromProps(p, false), Time.SYSTEM);
            server.startup();
            EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(server, p, dir, brokerPort, scramPort);
            broker.awaitDescribeCluster();
            if (scram != null) {
                broker.addScramUser(scram);
            }
            Runtime.getRuntime().addShutdownHook(broker.shutdownHook);
            return broker;
        } catch (IOException | RuntimeException e) {
            try {
                if (server != null) {
                    server.shutdown();
                    server.awaitShutdown();
                }
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            TempDirs.deleteRecursively(dir);
            throw e instanceof IOException io ? io
                    : new IOException("Kafka broker failed to start on " + HOST + ":" + brokerPort + ": " + e, e);
        }
    }

    /** {@code 127.0.0.1:PORT}, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    /** {@code 127.0.0.1:PORT} of the SASL_PLAINTEXT (SCRAM-SHA-512) listener; only for a broker started with {@link Scram}. */
    public String scramBootstrapServers() {
        if (scramPort < 0) {
            throw new IllegalStateException("this broker was started without a SCRAM listener");
        }
        return HOST + ":" + scramPort;
    }

    /** The temporary folder with the broker's config and data (for tests). */
    Path dataDir() {
        return dir;
    }

    /** Shuts the broker down like a crash-free restart would, keeping its data folder and ports for {@link #restart()}. */
    public synchronized void stop() {
        if (running && !closed) {
            running = false;
            server.shutdown();
            server.awaitShutdown();
        }
    }

    /**
     * Starts the broker again on the same data folder and ports (stopping it first if it runs) and
     * returns once it answers {@code Admin.describeCluster()}; topics, offsets and transactions survive.
     */
    public synchronized void restart() throws IOException {
        if (closed) {
            throw new IllegalStateException("the broker is closed; its data folder is gone");
        }
        stop();
        server = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
        server.startup();
        running = true;
        awaitDescribeCluster();
    }

    /** Shuts the broker down, waits for it and deletes its data folder. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException jvmShuttingDown) {
            // called from the hook itself
        }
        try {
            if (running) {
                running = false;
                server.shutdown();
                server.awaitShutdown();
            }
        } finally {
            TempDirs.deleteRecursively(dir);
        }
    }

    /** Creates the SCRAM-SHA-512 credential and waits until the SASL listener accepts it (credentials travel as metadata). */
    private void addScramUser(Scram scram) throws IOException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(scram.username(),
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), scram.password()))).all().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while creating the SCRAM user", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("could not create the SCRAM user " + scram.username() + ": " + e.getMessage(), e);
        }
        Map<String, Object> client = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, scramBootstrapServers(),
                AdminClientConfig.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT", SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512",
                SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                        + scram.username() + "\" password=\"" + scram.password() + "\";");
        awaitDescribeCluster(client, scramBootstrapServers());
    }

    /** Formats the KRaft log dir; StorageTool's output goes to a buffer shown only on failure. */
    private static void format(Path propsFile) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        String[] args = {"format", "-t", Uuid.randomUuid().toString(), "-c", propsFile.toString(), "--standalone"};
        int rc;
        try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            rc = StorageTool.execute(args, out);
        } catch (RuntimeException e) {
            throw new IOException("formatting the Kafka log dir failed: " + e + "\n" + buffer.toString(StandardCharsets.UTF_8), e);
        }
        if (rc != 0) {
            throw new IOException("formatting the Kafka log dir failed (exit code " + rc + "):\n" + buffer.toString(StandardCharsets.UTF_8));
        }
    }

    private void awaitDescribeCluster() throws IOException {
        awaitDescribeCluster(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()), bootstrapServers());
    }

    private static void awaitDescribeCluster(Map<String, Object> client, String address) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(READY_TIMEOUT_MS);
        Exception last = null;
        try (Admin admin = Admin.create(client)) {
            while (System.nanoTime() - deadline < 0) {
                try {
                    if (last != null) {
                        TimeUnit.MILLISECONDS.sleep(100);
                    }
                    if (!admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for the Kafka broker", e);
                } catch (Exception e) {
                    last = e; // not up yet; the call itself waited, so ask again
                }
            }
        }
        throw new IOException("Kafka broker at " + address + " did not answer describeCluster within "
                + READY_TIMEOUT_MS / 1000 + " s", last);
    }

    private static int checkFree(int port) throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
            return port;
        } catch (BindException e) {
            throw new IOException("port " + port + " on " + HOST + " is already in use (is another Kafka running?)");
        }
    }

    /** A free loopback port other than those in {@code except}; someone could take it before Kafka binds it (then start retries). */
    private static int freePort(int... except) throws IOException {
        while (true) {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
                if (java.util.Arrays.stream(except).noneMatch(p -> p == s.getLocalPort())) {
                    return s.getLocalPort();
                }
            }
        }
    }

}
