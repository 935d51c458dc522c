package org.jvirtualenv.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.jvirtualenv.launcher.BuiltLauncher.assertSucceeded;
import static org.jvirtualenv.launcher.BuiltLauncher.names;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirtualenv.testing.Interpreters;
import org.jvirtualenv.testing.ProcessResult;

/**
 * The class-data archive as a user meets it through the built launcher: where it is written and
 * when, that later runs map it, and that no damaged, foreign or planted file makes a run fail or
 * makes it write where it must not. Creations use --no-seed where seeding does not matter: the
 * archive is about the tool's own classes.
 */
class ClassDataArchiveIT {
    /** jvirtualenv-<tool size-mtime-device-inode>-<JVM size-mtime-device-inode>-<size>-<mtime>.jsa (or .aot) */
    private static final Pattern NAME = Pattern.compile("jvirtualenv-(?:\\d+-){8}(\\d+)-(\\d+)\\.(?:jsa|aot)");
    /** What -Xlog:class+load prints for the main class when it comes from a mapped archive. */
    private static final String MAIN_FROM_ARCHIVE = "org.jvirtualenv.cli.Main source: shared objects file";

    @TempDir
    Path tmp;
    BuiltLauncher launcher;
    private String python;
    Path work;

    @BeforeEach
    void setUp() throws IOException {
        launcher = launcher(tmp.resolve("home"));
        python = Interpreters.any3().executable().toString();
        work = Files.createDirectories(tmp.resolve("work"));
    }

    /** The launcher every test runs; {@link ClassDataArchiveOnJdk24IT} runs them all on a newer JDK. */
    BuiltLauncher launcher(Path home) {
        return BuiltLauncher.in(home);
    }

    @Test
    void theFirstCreationWritesTheArchiveAndLaterRunsMapIt() throws IOException {
        assertSucceeded(launcher.run(work, "--version"));
        assertEquals(List.of(), names(launcher.cds()), "--version writes no archive and leaves no recording behind");

        Path archive = createAndGetArchive("e1");
        assertIntact(archive);
        FileTime written = Files.getLastModifiedTime(archive);

        ProcessResult version = launcher.run(logClassLoading(), work, "--version");
        assertSucceeded(version);
        assertTrue(version.stdout().contains(MAIN_FROM_ARCHIVE), "a later run maps the archive:\n" + version.stdout());
        assertSucceeded(launcher.run(work, "-q", "--no-seed", "-p", python, "e2"));
        assertEquals(List.of(archive), launcher.archives(), "a later creation keeps the archive");
        assertEquals(written, Files.getLastModifiedTime(archive));
        assertEquals(List.of("e1", "e2"), names(work), "nothing but the environments in the working directory");
    }

    /**
     * The archive is made from the classes the first creation loaded up to the dump. What that run
     * loaded after it (the sweep of cds/ once ran there) came from the jar or was generated anew,
     * after every later creation. Lambdas are not held to the archive before the report: two threads
     * linking the same lambda at once may each make one, whatever the archive holds.
     */
    @Test
    void aLaterSeededCreationLoadsTheToolsClassesFromTheArchiveAndNothingElseAfterItsReport() {
        // Not quiet: the archive holds what the first creation used, and a quiet one prints no report.
        assertSucceeded(launcher.run(work, "-p", python, "e1"));
        assertEquals(1, launcher.archives().size(), "cds/ holds " + names(launcher.cds()));

        ProcessResult later = launcher.run(logClassLoading(), work, "-p", python, "e2");
        assertSucceeded(later);
        assertTrue(later.stdout().contains(MAIN_FROM_ARCHIVE), later.stdout());
        List<String> lines = later.stdout().lines().toList();
        List<String> ownFromElsewhere = lines.stream()
                .filter(line -> line.contains("[class,load] org.jvirtualenv.") && !line.contains("$$Lambda"))
                .filter(line -> !line.endsWith("source: shared objects file"))
                .toList();
        assertEquals(List.of(), ownFromElsewhere, "classes of the tool loaded from outside the archive");
        int reported = 0;
        while (reported < lines.size() && !lines.get(reported).startsWith("created virtual environment ")) {
            reported++;
        }
        assertTrue(reported < lines.size(), later.stdout());
        List<String> afterReport = lines.subList(reported, lines.size()).stream()
                .filter(line -> line.contains("[class,load]") && !line.endsWith("source: shared objects file"))
                .toList();
        assertEquals(List.of(), afterReport, "loaded from outside the archive after the environment was made");
    }

    /**
     * Two copies of the tool with the same size and mtime (cp -p, one release unpacked twice) at
     * different paths, sharing one cache: the JVM refuses an archive made for the other path, so
     * each needs its own, kept across the other's runs rather than dumped anew every time.
     */
    @Test
    void copiesOfTheToolEachKeepTheirOwnArchive() throws IOException {
        Path copies = Files.createDirectories(tmp.resolve("copies"));
        Path first = Files.copy(launcher.file(), copies.resolve("first"), StandardCopyOption.COPY_ATTRIBUTES);
        Path second = Files.copy(launcher.file(), copies.resolve("second"), StandardCopyOption.COPY_ATTRIBUTES);
        assertEquals(Files.getLastModifiedTime(first), Files.getLastModifiedTime(second));
        assertSucceeded(runAs(first, launcher.environment(), "-q", "--no-seed", "-p", python, "e1"));
        assertSucceeded(runAs(second, launcher.environment(), "-q", "--no-seed", "-p", python, "e2"));
        List<Path> archives = launcher.archives();
        assertEquals(2, archives.size(), "one archive per copy: " + names(launcher.cds()));

        for (Path copy : List.of(first, second, first)) {
            ProcessResult run = runAs(copy, logClassLoading(), "-q", "--no-seed", "-p", python, "e-" + copy.getFileName());
            assertSucceeded(run);
            assertTrue(run.stdout().contains(MAIN_FROM_ARCHIVE), copy + " maps its archive");
            Files.walk(work.resolve("e-" + copy.getFileName())).sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
        assertEquals(archives, launcher.archives(), "neither archive was replaced");
    }

    private ProcessResult runAs(Path tool, Map<String, String> env, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(tool.toString()));
        command.addAll(List.of(args));
        return org.jvirtualenv.testing.Run.command(env, work, command);
    }

    @Test
    void readOnlyAppDataAndNoCdsWriteNoArchive() {
        assertSucceeded(launcher.run(work, "-q", "--no-seed", "--read-only-app-data", "-p", python, "e1"));
        assertFalse(Files.exists(launcher.cds()), "--read-only-app-data: " + names(launcher.cache()));
        // Shortened, as virtualenv takes it: the launcher must see it too.
        assertSucceeded(launcher.run(work, "-q", "--no-seed", "--read-only", "-p", python, "e0"));
        assertFalse(Files.exists(launcher.cds()), "--read-only: " + names(launcher.cache()));

        Map<String, String> env = launcher.environment();
        env.put("JVIRTUALENV_NO_CDS", "1");
        assertSucceeded(launcher.run(env, work, "-q", "--no-seed", "-p", python, "e2"));
        assertFalse(Files.exists(launcher.cds()), "JVIRTUALENV_NO_CDS=1");
    }

    @Test
    void theArchiveGoesIntoTheCacheTheRunUses() {
        assertSucceeded(launcher.run(work, "-q", "--no-seed", "--app-data", "relative-cache", "-p", python, "e1"));
        assertEquals(1, BuiltLauncher.archives(work.resolve("relative-cache/cds")).size(),
                "--app-data DIR, relative to the working directory");
        assertFalse(Files.exists(launcher.cds()), "nothing in the default cache");

        Path other = tmp.resolve("other cache");
        assertSucceeded(launcher.run(work, "-q", "--no-seed", "--app-data=" + other, "-p", python, "e2"));
        assertEquals(1, BuiltLauncher.archives(other.resolve("cds")).size(), "--app-data=DIR, with a space");
        Path shortened = tmp.resolve("shortened");
        assertSucceeded(launcher.run(work, "-q", "--no-seed", "--app", shortened.toString(), "-p", python, "e4"));
        assertEquals(1, BuiltLauncher.archives(shortened.resolve("cds")).size(), "--app DIR, shortened");

        Map<String, String> env = launcher.environment();
        env.put("XDG_CACHE_HOME", tmp.resolve("xdg").toString());
        assertSucceeded(launcher.run(env, work, "-q", "--no-seed", "-p", python, "e3"));
        assertEquals(1, BuiltLauncher.archives(tmp.resolve("xdg/jvirtualenv/cds")).size(), "XDG_CACHE_HOME");
        assertFalse(Files.exists(launcher.cds()), "nothing in the default cache");
    }

    @Test
    void aTruncatedArchiveIsNeitherMappedNorKept() throws IOException {
        Path archive = createAndGetArchive("e1");
        writable(archive);
        try (FileChannel channel = FileChannel.open(archive, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() / 2);
        }
        assertRecovers(archive);
    }

    @Test
    void anArchiveOverwrittenWithGarbageIsNeitherMappedNorKept() throws IOException {
        Path archive = createAndGetArchive("e1");
        writable(archive);
        FileTime mtime = Files.getLastModifiedTime(archive);
        byte[] garbage = new byte[(int) Files.size(archive)];
        new Random(12).nextBytes(garbage);
        Files.write(archive, garbage);
        // Written in the second it was published, it would still look intact (see the next test).
        Files.setLastModifiedTime(archive, FileTime.fromMillis(mtime.toMillis() + 10_000));
        assertRecovers(archive);
    }

    @Test
    void garbageThatKeptTheArchivesSizeAndMtimeIsRemovedByTheNextCreation() throws IOException {
        Path archive = createAndGetArchive("e1");
        FileTime mtime = Files.getLastModifiedTime(archive);
        writable(archive);
        byte[] garbage = new byte[(int) Files.size(archive)];
        new Random(13).nextBytes(garbage);
        Files.write(archive, garbage);
        Files.setLastModifiedTime(archive, mtime);

        assertSucceeded(launcher.run(work, "--version"));
        ProcessResult created = launcher.run(work, "-q", "--no-seed", "-p", python, "e2");
        assertSucceeded(created);
        assertTrue(Files.isRegularFile(work.resolve("e2/pyvenv.cfg")));
        assertFalse(Files.exists(archive), "the archive the JVM could not use is removed");
        assertEquals(List.of("e1", "e2"), names(work));

        Path recorded = createAndGetArchive("e3");
        assertIntact(recorded);
    }

    @Test
    void anArchiveThatCrashesTheJvmCostsAtMostOneRunAndNoFileInTheWorkingDirectory() throws IOException {
        Path archive = createAndGetArchive("e1");
        zeroTheMiddleKeepingSizeAndMtime(archive);
        // Its name can come back: a new archive of the same size dumped within the same second of
        // mtime is named alike. The file is what must be new.
        Object damaged = Files.readAttributes(archive, BasicFileAttributes.class).fileKey();

        // The archive looks intact from outside: this run maps it, and the JVM may die while
        // mapping. Its report must go to the cache, not here.
        ProcessResult first = launcher.run(work, "-q", "--no-seed", "-p", python, "e2");
        assertEquals(List.of("e1"), names(work).stream().filter(n -> !n.equals("e2")).toList(),
                "no hs_err or core file in the working directory:\n" + first.describe());

        ProcessResult second = launcher.run(work, "-q", "--no-seed", "-p", python, "e3");
        assertSucceeded(second);
        assertTrue(Files.isRegularFile(work.resolve("e3/pyvenv.cfg")));
        List<Path> archives = launcher.archives();
        assertEquals(1, archives.size(), archives::toString);
        assertNotEquals(damaged, Files.readAttributes(archives.get(0), BasicFileAttributes.class).fileKey(),
                "a new archive replaced the damaged one");
        assertIntact(archives.get(0));
        assertEquals(List.of(), BuiltLauncher.list(launcher.cds(), "crash-", ""), "crash reports are dropped with the archive");
    }

    @Test
    void linksPlantedAtTheOldTemporaryNamesAreNotFollowed() throws IOException {
        Files.createDirectories(launcher.cds(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path victim = Files.writeString(tmp.resolve("victim"), "precious\n");
        // exec keeps the process id: $$ is the launcher's, as an attacker who guessed it would plant.
        ProcessResult result = launcher.sh(launcher.environment(), work,
                "ln -s \"$1\" \"$2/.tmp-$$.classes\" && ln -s \"$1\" \"$2/.tmp-$$.jsa\" && exec \"$0\" -q --no-seed -p \"$3\" e1",
                victim.toString(), launcher.cds().toString(), python);
        assertSucceeded(result);
        assertEquals("precious\n", Files.readString(victim));
        assertEquals(1, launcher.archives().size(), "the archive is still written: " + names(launcher.cds()));
    }

    @Test
    void aCdsDirectoryOthersCanWriteIsNeitherMappedNorWritten() throws IOException {
        Path archive = createAndGetArchive("e1");
        Files.setPosixFilePermissions(launcher.cds(), PosixFilePermissions.fromString("rwxrwxrwx"));
        assertNeitherMappedNorWritten(archive, "e2", "cds/ writable by others");

        Files.setPosixFilePermissions(launcher.cds(), PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(launcher.cache(), PosixFilePermissions.fromString("rwxrwx---"));
        assertNeitherMappedNorWritten(archive, "e3", "the cache root writable by its group");
    }

    /** The launcher makes no cds/ in a cache root it would not map an archive from (nor does Java use it). */
    @Test
    void noCdsDirectoryIsMadeInACacheRootOthersCanWriteOrAnotherUserOwns() throws IOException {
        Files.createDirectories(launcher.cache());
        Files.setPosixFilePermissions(launcher.cache(), PosixFilePermissions.fromString("rwxrwxrwx"));
        assertSucceeded(launcher.run(work, "-q", "--no-seed", "-p", python, "e1"));
        assertFalse(Files.exists(launcher.cds(), LinkOption.NOFOLLOW_LINKS), "a cache root writable by others: "
                + names(launcher.cache()));

        Files.setPosixFilePermissions(launcher.cache(), PosixFilePermissions.fromString("rwx------"));
        if (Files.getAttribute(tmp, "unix:uid").equals(0)) {
            Files.setAttribute(launcher.cache(), "unix:uid", 65534, LinkOption.NOFOLLOW_LINKS);
            assertSucceeded(launcher.run(work, "-q", "--no-seed", "-p", python, "e2"));
            assertFalse(Files.exists(launcher.cds(), LinkOption.NOFOLLOW_LINKS), "a cache root of another user: "
                    + names(launcher.cache()));
        }
    }

    @Test
    void aCdsDirectoryOfAnotherUserIsNeitherMappedNorWritten() throws IOException {
        assumeTrue(Files.getAttribute(tmp, "unix:uid").equals(0), "needs root to give cds/ to another user");
        Path archive = createAndGetArchive("e1");
        Files.setAttribute(launcher.cds(), "unix:uid", 65534, LinkOption.NOFOLLOW_LINKS);
        assertNeitherMappedNorWritten(archive, "e2", "cds/ of another user");
    }

    @Test
    void aCdsLinkIsNeitherMappedNorWritten() throws IOException {
        Path archive = createAndGetArchive("e1");
        Path elsewhere = tmp.resolve("elsewhere");
        Files.move(launcher.cds(), elsewhere);
        Files.createSymbolicLink(launcher.cds(), elsewhere);
        Path moved = elsewhere.resolve(archive.getFileName());
        List<String> before = names(elsewhere);

        ProcessResult run = launcher.run(logClassLoading(), work, "-q", "--no-seed", "-p", python, "e2");
        assertSucceeded(run);
        assertFalse(run.stdout().contains(MAIN_FROM_ARCHIVE), "cds/ as a link is not mapped from");
        assertEquals(before, names(elsewhere), "nothing written through the link");
        assertTrue(Files.exists(moved));
    }

    /** Creates DEST in the working directory with a fresh cache's first run; returns the one archive. */
    Path createAndGetArchive(String dest) {
        assertSucceeded(launcher.run(work, "-q", "--no-seed", "-p", python, dest));
        List<Path> archives = launcher.archives();
        assertEquals(1, archives.size(), "cds/ holds " + names(launcher.cds()));
        return archives.get(0);
    }

    /** The run after damage succeeds, maps nothing damaged, and the damaged file is replaced. */
    private void assertRecovers(Path damaged) throws IOException {
        ProcessResult version = launcher.run(work, "--version");
        assertSucceeded(version);
        ProcessResult created = launcher.run(work, "-q", "--no-seed", "-p", python, "e2");
        assertSucceeded(created);
        assertTrue(Files.isRegularFile(work.resolve("e2/pyvenv.cfg")));
        assertEquals(List.of("e1", "e2"), names(work), "no hs_err or core file in the working directory");
        List<Path> archives = launcher.archives();
        assertEquals(1, archives.size(), archives::toString);
        assertFalse(archives.get(0).equals(damaged), "the damaged archive is replaced");
        assertIntact(archives.get(0));
        assertEquals(List.of(), BuiltLauncher.list(launcher.cds(), ".", "").stream()
                .filter(p -> !p.getFileName().toString().equals(".dump.lock")).toList(), "no recording or dump left");
    }

    private void assertNeitherMappedNorWritten(Path archive, String dest, String why) throws IOException {
        List<String> before = names(launcher.cds());
        FileTime mtime = Files.getLastModifiedTime(archive);
        ProcessResult run = launcher.run(logClassLoading(), work, "-q", "--no-seed", "-p", python, dest);
        assertSucceeded(run);
        assertFalse(run.stdout().contains(MAIN_FROM_ARCHIVE), why + ": not mapped");
        assertEquals(before, names(launcher.cds()), why + ": nothing written or removed");
        assertEquals(mtime, Files.getLastModifiedTime(archive));
    }

    private Map<String, String> logClassLoading() {
        Map<String, String> env = launcher.environment();
        env.put("JVIRTUALENV_JAVA_OPTS", "-Xlog:class+load=info");
        return env;
    }

    /** The archive's name records its size and mtime, as the launcher checks before mapping it. */
    private static void assertIntact(Path archive) throws IOException {
        Matcher name = NAME.matcher(archive.getFileName().toString());
        assertTrue(name.matches(), archive.toString());
        assertEquals(Files.size(archive), Long.parseLong(name.group(1)), "size in " + archive);
        assertEquals(Files.getLastModifiedTime(archive).toMillis() / 1000, Long.parseLong(name.group(2)), "mtime in " + archive);
    }

    private static void zeroTheMiddleKeepingSizeAndMtime(Path archive) throws IOException {
        FileTime mtime = Files.getLastModifiedTime(archive);
        writable(archive);
        try (FileChannel channel = FileChannel.open(archive, StandardOpenOption.WRITE)) {
            ByteBuffer zeros = ByteBuffer.allocate((int) (channel.size() / 4));
            channel.write(zeros, 100 * 4096L);
        }
        Files.setLastModifiedTime(archive, mtime);
    }

    /** The JVM publishes archives read-only; chmod leaves the mtime alone. */
    private static void writable(Path archive) throws IOException {
        Files.setPosixFilePermissions(archive, PosixFilePermissions.fromString("rw-------"));
    }
}
