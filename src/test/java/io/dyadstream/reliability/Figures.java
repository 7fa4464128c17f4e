package io.dyadstream.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The figures the reliability tests measure (stories, crashes, duplicates, recovery times): printed and
 * appended to target/reliability-figures.txt, from which docs/reliability.md is written.
 */
final class Figures {

    static final Path FILE = Path.of("target", "reliability-figures.txt");

    private Figures() {}

    /** Records a line of figures, with the machine's load average (other work on the machine slows every timing). */
    static synchronized void record(String figures) {
        String line = figures + " [loadavg " + loadAverage() + "]";
        System.out.println("RELIABILITY " + line);
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + line + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.out.println("(could not write " + FILE + ": " + e.getMessage() + ")");
        }
    }

    private static String loadAverage() {
        try {
            return String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** A fresh, empty state directory for one app under target/reliability-state. */
    static Path freshStateDir(String name) throws IOException {
        Path dir = Path.of("target", "reliability-state", name).toAbsolutePath();
        deleteRecursively(dir);
        Files.createDirectories(dir);
        return dir;
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
