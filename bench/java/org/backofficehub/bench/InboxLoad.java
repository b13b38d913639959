package org.backofficehub.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import java.util.stream.Stream;

/**
 * Inbox throughput: N order files written aside, renamed into the inbox at once (as a partner's
 * batch upload would land), timed until every one has reached done/.
 */
final class InboxLoad {

    record Result(String name, int files, double seconds) {
        double throughput() {
            return files / seconds;
        }
    }

    static Result run(String name, Path dataDir, String inboxName, String doneName, int files,
                      LongFunction<String> fileName, LongFunction<byte[]> content) throws IOException, InterruptedException {
        Path staging = Files.createDirectories(dataDir.resolve("staging-" + inboxName));
        Path inbox = Files.createDirectories(dataDir.resolve(inboxName));
        Path done = dataDir.resolve(doneName);
        for (long i = 0; i < files; i++) {
            Files.write(staging.resolve(fileName.apply(i)), content.apply(i));
        }
        // Files must be older than the read lock's minimum age before the clock starts.
        Thread.sleep(200);
        List<Path> staged;
        try (Stream<Path> listing = Files.list(staging)) {
            staged = listing.toList();
        }
        long started = System.nanoTime();
        for (Path file : staged) {
            Files.move(file, inbox.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        }
        long deadline = started + TimeUnit.MINUTES.toNanos(10);
        while (count(done) < files) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + ": only " + count(done) + " of " + files + " files reached " + done);
            }
            Thread.sleep(20);
        }
        return new Result(name, files, (System.nanoTime() - started) / 1e9);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static long count(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.count();
        }
    }
}
