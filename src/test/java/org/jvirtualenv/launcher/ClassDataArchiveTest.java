package org.jvirtualenv.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirtualenv.launcher.ClassDataArchive.Creation;
import org.jvirtualenv.launcher.ClassDataArchive.Launch;

/**
 * What the Java half of the launcher decides after a run, without a launcher: no archive is dumped
 * in any of these cases (the dumping itself is covered by ClassDataArchiveIT), and the recording
 * the launcher made is always deleted.
 */
class ClassDataArchiveTest {
    @TempDir
    Path tmp;
    private Path cache;
    private Path cds;
    private Path recording;
    private Path mapped;

    @BeforeEach
    void setUp() throws IOException {
        cache = Files.createDirectories(tmp.resolve("cache"));
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwx------"));
        cds = Files.createDirectory(cache.resolve("cds"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        recording = Files.writeString(cds.resolve(".classes.abc123"), "java/lang/Object\n");
        mapped = Files.writeString(cds.resolve("jvirtualenv-1-2-3-4-5-6.jsa"), "archive");
    }

    private Launch recordingLaunch(Path archiveDirectory) {
        return new Launch(recording, archiveDirectory.resolve("jvirtualenv-1-2-3-4"), null, Path.of("/nonexistent/java"),
                tmp.resolve("virtualenv"), Set.of());
    }

    private Launch mappingLaunch() {
        return new Launch(null, null, mapped, Path.of("/nonexistent/java"), tmp.resolve("virtualenv"), Set.of());
    }

    @Test
    void aRunThatCreatedNothingOnlyDeletesItsRecording() {
        ClassDataArchive.finish(recordingLaunch(cds), null, true);
        assertEquals(List.of(mapped), entries());
    }

    @Test
    void aReadOnlyRunOnlyDeletesItsRecording() {
        ClassDataArchive.finish(recordingLaunch(cds), new Creation(cache, true, List.of()), true);
        assertEquals(List.of(mapped), entries());
    }

    @Test
    void aRunWhoseCacheIsNotTheOneTheLauncherLookedAtOnlyDeletesItsRecording() throws IOException {
        Path other = Files.createDirectories(tmp.resolve("other"));
        ClassDataArchive.finish(recordingLaunch(cds), new Creation(other, false, List.of()), true);
        assertEquals(List.of(mapped), entries());
        assertEquals(List.of(), BuiltLauncher.names(other));
    }

    @Test
    void aCdsDirectoryOthersCanWriteGetsNoArchive() throws IOException {
        Files.setPosixFilePermissions(cds, PosixFilePermissions.fromString("rwxrwxrwx"));
        ClassDataArchive.finish(recordingLaunch(cds), new Creation(cache, false, List.of()), true);
        assertEquals(List.of(mapped), entries(), "no lock, no temporary directory, no archive");
    }

    @Test
    void anArchiveTheJvmCouldNotUseIsRemovedByACreation() {
        ClassDataArchive.finish(mappingLaunch(), new Creation(cache, false, List.of()), false);
        assertFalse(Files.exists(mapped));
    }

    @Test
    void anArchiveTheJvmUsesIsKept() {
        ClassDataArchive.finish(mappingLaunch(), new Creation(cache, false, List.of()), true);
        assertTrue(Files.exists(mapped));
    }

    @Test
    void anUnusableArchiveIsKeptWhenTheRunMayNotWriteThere() throws IOException {
        ClassDataArchive.finish(mappingLaunch(), null, false);
        ClassDataArchive.finish(mappingLaunch(), new Creation(cache, true, List.of()), false);
        ClassDataArchive.finish(mappingLaunch(), new Creation(tmp.resolve("other"), false, List.of()), false);
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxrwxrwx"));
        ClassDataArchive.finish(mappingLaunch(), new Creation(cache, false, List.of()), false);
        assertTrue(Files.exists(mapped));
    }

    private List<Path> entries() {
        return BuiltLauncher.names(cds).stream().map(cds::resolve).toList();
    }
}
