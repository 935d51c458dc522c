package org.jvirtualenv.launcher;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jvirtualenv.util.FileTrees;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the archive the launcher maps, checks that the JVM maps it, and publishes it in cds/: on
 * JDK 25 and later the JDK's AOT cache, trained by a creation like this run's; before that, or when
 * that fails, a static class-data archive of the classes this run recorded. Each step runs a child
 * JVM that this run waits for (about a second in all, 1.5 s for the AOT cache, once per build of
 * the tool and JDK): the archive exists when the run that recorded it ends, and a signal
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
    private final List<String> training;

    /**
     * @param build the archive's name without its own facts ({@code jvirtualenv-<build>}, see {@link CdsDirectory})
     * @param training the options of a creation like this run's, without its destination, to
     *                 train an AOT cache with; empty for a static archive (a JDK before 25)
     */
    ArchiveDump(CdsDirectory cds, Path recording, String build, Path java, Path jar, List<String> training) {
        this.cds = cds;
        this.recording = recording;
        this.build = build;
        this.java = java;
        this.jar = jar;
        this.training = List.copyOf(training);
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
                Path archive = training.isEmpty() ? null : trainedAotCache(work);
                if (archive == null) {
                    archive = staticArchive(work);
                }
                if (archive != null) {
                    LOG.debug("class-data archive {} written", cds.publish(build, archive));
                }
            } finally {
                FileTrees.delete(work);
            }
        }
    }

    /**
     * A static archive of the classes this run recorded, checked to map; null when that failed.
     * Not -XX:+AOTClassLinking (JDK 24+): measured on JDK 25 it pays only with the constant-pool
     * resolutions ("@cp" lines) the JVM appends to the class list as it exits, after this code has
     * run; without them the linked archive made a --no-seed creation slower (238 against 200 ms of
     * CPU). The AOT cache below gets them from a whole training run instead.
     */
    private Path staticArchive(Path work) throws IOException {
        Path archive = work.resolve("archive" + CdsDirectory.STATIC_ARCHIVE);
        boolean made = step(work, "dumping the class-data archive failed", null, "-Xshare:dump",
                "-XX:SharedClassListFile=" + recording, "-XX:SharedArchiveFile=" + archive, "-cp", jar.toString())
                && step(work, "the JVM cannot map the class-data archive it dumped: not published", null, "-Xshare:on",
                        "-XX:SharedArchiveFile=" + archive, "-cp", jar.toString(), "-version");
        return made ? archive : null;
    }

    /**
     * The JDK's AOT cache (JDK 25+), trained by a creation like this run's in the private work
     * directory, assembled and checked to map; null when any step failed (the caller then dumps a
     * static archive). Beyond what a static archive holds, it has the classes linked and the
     * method profiles of a whole run: on Temurin 25, 15 paired runs through the launcher, a seeded
     * creation took 117 against 125 ms and a --no-seed one 81 against 92 ms. It is trained by a
     * separate run because the JVM writes a run's AOT configuration only as it exits, after this
     * code.
     */
    private Path trainedAotCache(Path work) throws IOException {
        Path configuration = work.resolve("training.aotconf");
        Path archive = work.resolve("archive" + CdsDirectory.AOT_CACHE);
        // Told, as the launcher tells a run that maps an archive, of one in cds/ (a name no
        // archive has, so it removes nothing), so that it also does a mapped run's bookkeeping
        // after the report and the cache holds those classes too.
        List<String> trainingRun = new ArrayList<>(List.of("-XX:AOTMode=record", "-XX:AOTConfiguration=" + configuration,
                "-D" + ClassDataArchive.MAPPED + "=" + cds.dir().resolve(build + "-training" + CdsDirectory.AOT_CACHE),
                "-jar", jar.toString()));
        trainingRun.addAll(training);
        trainingRun.add(work.resolve("env").toString());
        boolean made = step(work, "the AOT cache's training run failed", trainingEnvironment(work),
                trainingRun.toArray(new String[0]))
                && step(work, "assembling the AOT cache failed", null, "-XX:AOTMode=create",
                        "-XX:AOTConfiguration=" + configuration, "-XX:AOTCache=" + archive, "-cp", jar.toString())
                && step(work, "the JVM cannot map the AOT cache it assembled: not published", null, "-XX:AOTMode=on",
                        "-XX:AOTCache=" + archive, "-cp", jar.toString(), "-version");
        return made ? archive : null;
    }

    /**
     * Only what finds the interpreter and decodes file names passes from this run's environment:
     * no VIRTUALENV_*, PIP_* or PYTHON* setting and no configuration file (HOME is the work
     * directory) changes what the training creation does, or where.
     */
    private static Map<String, String> trainingEnvironment(Path work) {
        Map<String, String> environment = new HashMap<>();
        for (String name : List.of("PATH", "LANG", "LC_ALL", "LC_CTYPE")) {
            String value = System.getenv(name);
            if (value != null) {
                environment.put(name, value);
            }
        }
        environment.put("HOME", work.toString());
        return environment;
    }

    /** {@link #runJava}, saying {@code failure} in the debug log when it fails. */
    private boolean step(Path work, String failure, Map<String, String> environment, String... arguments)
            throws IOException {
        if (runJava(work, environment, arguments)) {
            return true;
        }
        LOG.debug(failure);
        return false;
    }

    /**
     * Runs this JVM's java with the launcher's settings, in {@code work}, with this run's
     * environment or only {@code environment}; true when it exits 0. The settings that decide
     * whether an archive maps (the collector, the compilers) are the launcher's (launcher.sh).
     */
    private boolean runJava(Path work, Map<String, String> environment, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(java.toString(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-XX:CICompilerCount=1", "-XX:-UsePerfData", "-Dfile.encoding=UTF-8",
                "-XX:-CreateCoredumpOnCrash", "-XX:ErrorFile=/dev/null", "-Xlog:disable"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        if (environment != null) {
            builder.environment().clear();
            builder.environment().putAll(environment);
        }
        Process process = builder.start();
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
