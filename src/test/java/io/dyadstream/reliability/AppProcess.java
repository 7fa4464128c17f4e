package io.dyadstream.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code dyadstream run} in its own JVM, started with ProcessBuilder on the test's classpath, so that a
 * test can kill it (SIGKILL), stop it (SIGTERM) and start it again. Its output (stdout and stderr)
 * goes to a log file under target/reliability-logs; the query API listens on a free port, learnt from
 * the log. A JVM shutdown hook kills any app a failed test left running.
 */
final class AppProcess {

    static final Path LOG_DIR = Path.of("target", "reliability-logs");
    private static final Pattern API = Pattern.compile("query API, health and metrics at (http://\\S+)");
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly), "kill-test-apps"));
    }

    private final Process process;
    private final Path log;
    private final long started = System.nanoTime();
    private volatile String api;

    private AppProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
        RUNNING.add(process);
        process.onExit().thenRun(() -> RUNNING.remove(process));
    }

    /**
     * Starts {@code dyadstream run} with {@code args} (e.g. {@code --bootstrap-servers}, {@code --set k=v}),
     * a heap of {@code heap} (e.g. "384m") and the query API on a free port; {@code name} names the log.
     */
    static AppProcess start(String name, String heap, List<String> args) throws IOException {
        List<String> all = new ArrayList<>(List.of("run", "--set", "dyadstream.http.port=0"));
        all.addAll(args);
        return launch(name, heap, all);
    }

    /** Starts {@code dyadstream <args>} (any command) in its own JVM; {@code name} names the log. */
    static AppProcess launch(String name, String heap, List<String> args) throws IOException {
        Files.createDirectories(LOG_DIR);
        Path log = LOG_DIR.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError", "-XX:+UseSerialGC", "-Xlog:gc:file=" + log + ".gc",
                "-cp", System.getProperty("java.class.path"), "io.dyadstream.app.Main"));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new AppProcess(process, log);
    }

    /** Kills (SIGKILL) every app a test started that still runs: for clean-up after a failed test. */
    static void killAll() {
        RUNNING.forEach(p -> {
            p.destroyForcibly();
            try {
                p.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Waits until the app's /health says ready (Kafka Streams RUNNING); fails with the log's tail if it exits first. */
    AppProcess awaitReady(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the app exited with code " + process.exitValue() + " before it was ready; log " + log + ":\n" + tail(40));
            }
            if (api == null) {
                Matcher m = API.matcher(log());
                if (m.find()) {
                    api = m.group(1);
                }
            } else if (status("/health") == 200) {
                return this;
            }
            TimeUnit.MILLISECONDS.sleep(100); // poll interval; the loop waits on the app's state
        }
        throw new AssertionError("the app was not ready within " + timeout + "; log " + log + ":\n" + tail(40));
    }

    /** Seconds from start to now. */
    double ageSeconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    /** SIGKILL: the JVM gets no chance to close anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the app did not die after SIGKILL");
        }
    }

    /** SIGTERM, then waits up to {@code timeout} for the exit; returns the seconds it took, or -1 if it did not exit. */
    double terminate(Duration timeout) throws InterruptedException {
        long t0 = System.nanoTime();
        process.destroy();
        boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return exited ? (System.nanoTime() - t0) / 1e9 : -1;
    }

    /** Waits for the app to exit by itself; returns the exit code, or null if it still runs after {@code timeout}. */
    Integer awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : null;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    String apiAddress() {
        return api;
    }

    /** HTTP GET on the app's API; the response body as text. */
    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        if (api == null) {
            throw new IllegalStateException("the app's API address is not known yet (call awaitReady)");
        }
        return HTTP.send(HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private int status(String path) {
        try {
            return get(path).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    Path logFile() {
        return log;
    }

    /** The whole log so far. */
    String log() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    String tail(int lines) {
        List<String> all = log().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
