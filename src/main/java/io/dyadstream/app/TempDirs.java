package io.dyadstream.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removal of the temporary folders the demo, the embedded broker and the bench create (state stores, broker logs). */
final class TempDirs {

    private TempDirs() {}

    /** Deletes a folder and everything in it, as far as it can: a temporary folder left behind is harmless. */
    static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // best effort: it is a temporary folder
        }
    }

    /** The bytes of the files in a folder and below it; 0 if it does not exist. */
    static long size(Path root) {
        if (!Files.exists(root)) {
            return 0;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile).mapToLong(path -> path.toFile().length()).sum();
        } catch (IOException | java.io.UncheckedIOException e) {
            return -1; // a file removed while walking: unknown
        }
    }
}
