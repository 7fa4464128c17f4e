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
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Kafka broker (KRaft, combined broker + controller) inside this JVM, for
 * {@code dyadstream demo} and the integration tests. It listens on 127.0.0.1 only, keeps its data in
 * a temporary folder that {@link #close()} deletes, runs internal topics at RF 1 and never
 * auto-creates topics. Built on Kafka's internal server classes from {@code kafka_2.13}, whose
 * signatures used here are unchanged from 4.0 to 4.4. A shutdown hook closes a broker still open
 * when the JVM exits (Ctrl-C); {@code close()} is idempotent and thread-safe.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    private static final long READY_TIMEOUT_MS = 60_000;

    private final KafkaRaftServer server;
    private final Path dir;
    private final int port;
    private final Thread shutdownHook = new Thread(this::close, "embedded-kafka-shutdown");
    private boolean closed;

    private EmbeddedKafkaBroker(KafkaRaftServer server, Path dir, int port) {
        this.server = server;
        this.dir = dir;
        this.port = port;
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
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 (a free port) or 1-65535, got " + port);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return startOnce(port == 0 ? freePort(-1) : checkFree(port), extraBrokerConfigs);
            } catch (IOException e) {
                boolean lostPortRace = Stream.iterate((Throwable) e, t -> t != null, Throwable::getCause)
                        .anyMatch(t -> t instanceof BindException);
                if (!lostPortRace || attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private static EmbeddedKafkaBroker startOnce(int brokerPort, Map<String, String> extra) throws IOException {
        int controllerPort = freePort(brokerPort);
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
            p.putAll(extra == null ? Map.of() : extra);
            Path propsFile = dir.resolve("server.properties");
            try (OutputStream out = Files.newOutputStream(propsFile)) {
                p.store(out, "dyadstream embedded broker");
            }
            format(propsFile);
            server = new KafkaRaftServer(KafkaConfig.fromProps(p, false), Time.SYSTEM);
            server.startup();
            EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(server, dir, brokerPort);
            broker.awaitDescribeCluster();
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
            deleteRecursively(dir);
            throw e instanceof IOException io ? io
                    : new IOException("Kafka broker failed to start on " + HOST + ":" + brokerPort + ": " + e, e);
        }
    }

    /** {@code 127.0.0.1:PORT}, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    /** The temporary folder with the broker's config and data (for tests). */
    Path dataDir() {
        return dir;
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
            server.shutdown();
            server.awaitShutdown();
        } finally {
            deleteRecursively(dir);
        }
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
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(READY_TIMEOUT_MS);
        Exception last = null;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
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
        throw new IOException("Kafka broker at " + bootstrapServers() + " did not answer describeCluster within "
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

    /** A free loopback port other than {@code except}; someone could take it before Kafka binds it (then start retries). */
    private static int freePort(int except) throws IOException {
        while (true) {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
                if (s.getLocalPort() != except) {
                    return s.getLocalPort();
                }
            }
        }
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // best effort: it is a temporary folder
        }
    }
}
