package org.jvirtualenv.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.jvirtualenv.util.StartedJar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Java half of the launcher (src/main/launcher/launcher.sh): what happens to the class-data
 * archive after a run. The launcher has to find the archive before the JVM starts, so it looks in
 * cds/ of the cache that the command line, VIRTUALENV_APP_DATA, XDG_CACHE_HOME or HOME name; every
 * write is decided here, where the run's own app-data directory and outcome are known. The contract
 * with the launcher is the three system properties below and the archive names of
 * {@link CdsDirectory}; nothing else passes between them.
 *
 * <ul>
 * <li>A run that recorded its loaded classes ({@link #RECORD}) and created an environment in the
 *     cache the launcher looked at dumps the archive from that list before it exits (the first
 *     run only; a creation shows all the classes that matter, {@code --help} or a failure does
 *     not). On JDK 25 and later the archive is the JDK's AOT cache instead, trained by a creation
 *     like this one (see {@link ArchiveDump}). Any other run just deletes its list.</li>
 * <li>A run that was given an archive ({@link #MAPPED}) the JVM could not use (damaged, or made by
 *     another JVM) and that created an environment removes it, so the next run records a new one.</li>
 * <li>Either kind that created an environment removes what killed runs left in cds/ over an hour
 *     ago ({@link CdsDirectory#removeStale}).</li>
 * </ul>
 * Nothing is written with {@code --read-only-app-data}, or into a cache directory that is a link,
 * belongs to another user or can be written by others.
 */
public final class ClassDataArchive {
    /** The private file (made by the launcher) the JVM records its loaded classes into. */
    static final String RECORD = "jvirtualenv.cds.record";
    /** With {@link #RECORD}: {@code <cache>/cds/jvirtualenv-<build>}, the archive's name without its own facts. */
    static final String ARCHIVE = "jvirtualenv.cds.archive";
    /** The archive the launcher asked the JVM to map. */
    static final String MAPPED = "jvirtualenv.cds.mapped";
    /** Whether this JVM makes the AOT cache (JDK 25: one run's configuration, method profiles). */
    private static final boolean AOT_CACHE = Runtime.version().feature() >= 25;

    /**
     * The environment this run created: where its cache is, whether it may be written, and the
     * options of a creation like it (without the destination), which a JDK with an AOT cache
     * replays to train one.
     */
    record Creation(Path appData, boolean readOnly, List<String> training) {
        Creation {
            appData = appData.toAbsolutePath().normalize();
            training = List.copyOf(training);
        }

        CdsDirectory cds() {
            return new CdsDirectory(appData.resolve("cds"));
        }
    }

    /**
     * What the launcher passed; each path is null when it was not passed.
     *
     * @param archivesBefore on a recording run, this build's archives when the JVM started: the
     *                       launcher would not map them, any other one was published meanwhile
     */
    record Launch(Path recording, Path archivePrefix, Path mapped, Path java, Path jar, Set<Path> archivesBefore) {
        static Launch fromSystemProperties() {
            Path recording = path(RECORD);
            Path prefix = path(ARCHIVE);
            Set<Path> before = Set.of();
            if (recording != null && prefix != null) {
                try {
                    before = Set.copyOf(new CdsDirectory(prefix.getParent()).archives(prefix.getFileName().toString()));
                } catch (IOException e) {
                    // none to set aside
                }
            }
            return new Launch(recording, prefix, path(MAPPED), Path.of(System.getProperty("java.home"), "bin", "java"),
                    StartedJar.path(), before);
        }

        private static Path path(String property) {
            String value = System.getProperty(property);
            return value == null || value.isEmpty() ? null : Path.of(value).toAbsolutePath().normalize();
        }
    }

    /** Set by {@link #start} on a recording run. */
    private static volatile Launch launch;
    private static volatile Creation created;

    /**
     * Not a static field: {@link #start} runs before the command line's verbosity has configured
     * logging, which is fixed when the first logger is made.
     */
    private static Logger log() {
        return LoggerFactory.getLogger(ClassDataArchive.class);
    }

    private ClassDataArchive() {
    }

    /**
     * Called by the command line when this run created an environment with this app-data cache:
     * the one kind of run whose loaded classes are worth archiving. {@code training}: the options
     * of a creation like this one, to which the destination is appended (see {@link Creation}).
     */
    public static void environmentCreated(Path appData, boolean readOnly, List<String> training) {
        created = new Creation(appData, readOnly, training);
    }

    /**
     * Called once, first, by the process's main method. On a recording run it notes the archives
     * already there, and sees that a run stopped by a signal (which skips {@link #finish}) still
     * deletes its class list.
     */
    public static void start() {
        if (System.getProperty(RECORD) == null) {
            return;
        }
        Launch current = Launch.fromSystemProperties();
        launch = current;
        if (current.recording() != null) {
            Runtime.getRuntime().addShutdownHook(new Thread(new DeleteRecording(current.recording()), "jvirtualenv-recording"));
        }
    }

    private record DeleteRecording(Path recording) implements Runnable {
        @Override
        public void run() {
            try {
                Files.deleteIfExists(recording);
            } catch (IOException e) {
                // a later dump sweeps it
            }
        }
    }

    /** Called once, last, by the process's main method, after all output is written. */
    public static void finish() {
        if (System.getProperty(RECORD) == null && System.getProperty(MAPPED) == null) {
            return; // not started by the launcher, or without an archive
        }
        Launch current = launch;
        finish(current != null ? current : Launch.fromSystemProperties(), created,
                System.getProperty("java.vm.info", "").contains("sharing"));
    }

    /** @param sharing whether the JVM maps a class-data archive (it falls back to none when ours fails) */
    static void finish(Launch launch, Creation creation, boolean sharing) {
        // The sweep comes before the dump, so that the classes it loads (and the lambdas it links)
        // are in the class list the archive is made from: after it, every later run would load them
        // from the jar and spin the lambdas anew, some 3 ms after the environment is already made.
        Path launcherSaw = launch.mapped() != null ? launch.mapped() : launch.recording();
        if (creation != null && !creation.readOnly() && launcherSaw != null
                && creation.cds().dir().equals(launcherSaw.getParent()) && creation.cds().trusted()) {
            creation.cds().removeStale();
        }
        try {
            if (launch.mapped() != null && !sharing && mayWrite(creation, launch.mapped())) {
                Files.deleteIfExists(launch.mapped());
                log().debug("the JVM could not use the class-data archive {}: removed, the next run records a new one",
                        launch.mapped());
            }
            if (launch.recording() != null) {
                try {
                    if (launch.archivePrefix() != null && launch.jar() != null
                            && mayWrite(creation, launch.archivePrefix())
                            && creation.cds().dir().equals(launch.recording().getParent())) {
                        new ArchiveDump(creation.cds(), launch.recording(), launch.archivePrefix().getFileName().toString(),
                                launch.java(), launch.jar(), AOT_CACHE ? creation.training() : List.of())
                                .run(launch.archivesBefore());
                    }
                } finally {
                    Files.deleteIfExists(launch.recording());
                }
            }
        } catch (IOException | RuntimeException e) {
            log().debug("class-data archive left as it was: {}", e.toString());
        }
    }

    /** Whether this run created an environment whose cache may be written, and {@code file} is in its cds/. */
    private static boolean mayWrite(Creation creation, Path file) {
        if (creation == null || creation.readOnly()) {
            return false;
        }
        CdsDirectory cds = creation.cds();
        if (!cds.dir().equals(file.getParent())) {
            // The cache came from somewhere the launcher does not read (a configuration file):
            // it would only ever look for the archive in the wrong place.
            log().debug("the launcher looked for the class-data archive in {}, this run's cache is {}: nothing written",
                    file.getParent(), creation.appData());
            return false;
        }
        if (!cds.trusted()) {
            log().debug("{} or its cache is a link, another user's, or writable by others: no class-data archive", cds.dir());
            return false;
        }
        return true;
    }
}
