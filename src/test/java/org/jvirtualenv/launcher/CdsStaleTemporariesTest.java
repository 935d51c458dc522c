package org.jvirtualenv.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirtualenv.launcher.ClassDataArchive.Creation;
import org.jvirtualenv.launcher.ClassDataArchive.Launch;

/**
 * What killed runs leave in cds/ (issue 12, item 10): the launcher's {@code mktemp} recordings
 * ({@code .classes.XXXXXX}) of runs stopped by SIGKILL, dump directories, older launchers'
 * {@code .tmp-*}. With an archive in place no run dumps (and sweeps) any more, so a creation run
 * with that archive removes those over an hour old; younger ones may be a concurrent run's.
 */
class CdsStaleTemporariesTest {
    private static final FileTime TWO_HOURS_AGO = FileTime.from(Instant.now().minus(Duration.ofHours(2)));

    @TempDir
    Path tmp;
    private Path cache;
    private Path cds;
    private Path archive;
    private List<Path> stale;
    private List<Path> young;

    @BeforeEach
    void setUp() throws IOException {
        cache = Files.createDirectories(tmp.resolve("cache"));
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwx------"));
        cds = Files.createDirectory(cache.resolve("cds"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        archive = Files.writeString(cds.resolve("jvirtualenv-1-2-3-4-5-6.jsa"), "archive");
        Path dump = Files.createDirectory(cds.resolve(".dump-123"));
        Files.writeString(dump.resolve("archive.jsa"), "half");
        stale = List.of(Files.writeString(cds.resolve(".classes.Ab12Cd"), "java/lang/Object\n"), dump,
                Files.writeString(cds.resolve(".tmp-4711.classes"), "java/lang/Object\n"));
        for (Path p : stale) {
            Files.setLastModifiedTime(p, TWO_HOURS_AGO);
        }
        young = List.of(Files.writeString(cds.resolve(".classes.Xy34Zw"), "java/lang/Object\n"),
                Files.createDirectory(cds.resolve(".dump-456")));
    }

    private Launch mapping() {
        return new Launch(null, null, archive, Path.of("/nonexistent/java"), tmp.resolve("virtualenv"), Set.of());
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> list = Files.list(cds)) {
            return list.sorted().toList();
        }
    }

    @Test
    void aCreationWithTheArchiveRemovesWhatKilledRunsLeftOverAnHourAgo() throws IOException {
        ClassDataArchive.finish(mapping(), new Creation(cache, false, List.of()), true);
        assertEquals(Stream.concat(Stream.of(archive), young.stream()).sorted().toList(), entries());
    }

    @Test
    void nothingIsRemovedByARunThatMayNotWriteThere() throws IOException {
        List<Path> before = entries();
        ClassDataArchive.finish(mapping(), null, true);
        ClassDataArchive.finish(mapping(), new Creation(cache, true, List.of()), true);
        ClassDataArchive.finish(mapping(), new Creation(Files.createDirectories(tmp.resolve("other")), false, List.of()), true);
        Files.setPosixFilePermissions(cds, PosixFilePermissions.fromString("rwxrwxrwx"));
        ClassDataArchive.finish(mapping(), new Creation(cache, false, List.of()), true);
        assertEquals(before, entries());
    }
}
