package org.jvirtualenv.launcher;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jvirtualenv.util.FileTrees;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dumps a static class-data archive from a recorded class list, checks that the JVM maps it, and
 * publishes it in cds/. Each step runs a child JVM that this run waits for (about a second in all,
 * once per build of the tool): the archive exists when the run that recorded it ends, and a signal
 * that stops this JVM stops the child too. Everything is made in a private temporary directory and
 * moved into place whole; children run in that directory, so nothing they might drop (a crash
 * report) reaches the caller's.
 */
final class ArchiveDump {
    private static final Logger LOG = LoggerFactory.getLogger(ArchiveDump.class);
    private static final long TIMEOUT_SECONDS = 120;

    private final CdsDirectory cds;
    private final Path recording;
    private final String build;
    private final Path java;
    private final Path jar;

    /**
     * @param build the archive's name without its own facts ({@code jvirtualenv-<build>}, see {@link CdsDirectory})
     */
    ArchiveDump(CdsDirectory cds, Path recording, String build, Path java, Path jar) {
        this.cds = cds;
        this.recording = recording;
        this.build = build;
        this.java = java;
        this.jar = jar;
    }

    /** @param archivesBefore this build's archives when this JVM started, which the launcher did not map */
    void run(Set<Path> archivesBefore) throws IOException {
        try (FileChannel channel = FileChannel.open(cds.dir().resolve(".dump.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
             FileLock lock = channel.tryLock()) {
            if (lock == null) {
                LOG.debug("another run is writing the class-data archive");
                return;
            }
            // The launcher found no archive it would map (or mistrusted it after a crash) when this
            // JVM started: one published since comes from a run that finished first; the older
            // ones are replaced.
            if (!archivesBefore.containsAll(cds.archives(build))) {
                return;
            }
            cds.sweep(recording);
            Path work = Files.createTempDirectory(cds.dir(), ".dump-");
            try {
                Path archive = work.resolve("archive.jsa");
                // Not -XX:+AOTClassLinking (JDK 24+, the AOT cache's class linking): measured on
                // JDK 25 it pays only with the constant-pool resolutions ("@cp" lines) the JVM
                // appends to the class list as it exits, after this code has run. Without them the
                // linked archive made a --no-seed creation slower (238 against 200 ms of CPU);
                // with them, no faster than an unlinked archive of this run's list.
                if (!runJava(work, "-Xshare:dump", "-XX:SharedClassListFile=" + recording,
                        "-XX:SharedArchiveFile=" + archive, "-cp", jar.toString())) {
                    LOG.debug("dumping the class-data archive failed");
                } else if (!runJava(work, "-Xshare:on", "-XX:SharedArchiveFile=" + archive, "-XX:TieredStopAtLevel=1",
                        "-cp", jar.toString(), "-version")) {
                    LOG.debug("the JVM cannot map the class-data archive it dumped: not published");
                } else {
                    LOG.debug("class-data archive {} written", cds.publish(build, archive));
                }
            } finally {
                FileTrees.delete(work);
            }
        }
    }

    /** Runs this JVM's java with the launcher's settings; true when it exits 0. */
    private boolean runJava(Path work, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(java.toString(), "-XX:+UseSerialGC", "-XX:-UsePerfData",
                "-XX:-CreateCoredumpOnCrash", "-XX:ErrorFile=/dev/null", "-Xlog:disable"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        process.getOutputStream().close();
        Thread stopChild = new Thread(new StopChild(process, work, recording), "jvirtualenv-stop-dump");
        Runtime.getRuntime().addShutdownHook(stopChild);
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return false;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopChild);
            } catch (IllegalStateException e) {
                // this JVM is being stopped: the hook is running
            }
        }
    }

    /** When this JVM is stopped by a signal: stop the child, remove what it was making. */
    private record StopChild(Process process, Path work, Path recording) implements Runnable {
        @Override
        public void run() {
            process.destroy();
            try {
                process.waitFor(5, TimeUnit.SECONDS);
                FileTrees.delete(work);
                Files.deleteIfExists(recording);
            } catch (IOException e) {
                // a later dump sweeps what is left
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
