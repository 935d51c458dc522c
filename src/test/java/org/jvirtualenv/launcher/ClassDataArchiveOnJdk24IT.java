package org.jvirtualenv.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.jvirtualenv.launcher.BuiltLauncher.assertSucceeded;
import static org.jvirtualenv.launcher.BuiltLauncher.names;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.jvirtualenv.testing.Run;

/**
 * Every guarantee of {@link ClassDataArchiveIT} again on the newest JDK 24 or later under
 * /usr/lib/jvm (Temurin 25 on the build machine), whose CDS now shares its code with the AOT
 * cache; from JDK 25 the archive is the AOT cache itself. The same publication, mapping, and
 * recovery from damaged, planted or foreign files. Skipped without such a JDK.
 */
class ClassDataArchiveOnJdk24IT extends ClassDataArchiveIT {
    private static final String BUILD = "jvirtualenv-1-2-3-4-5-6-7-8";
    private int feature;
    private Path jdk;

    @Override
    BuiltLauncher launcher(Path home) {
        Optional<Path> found = Jdks.atLeast(24);
        assumeTrue(found.isPresent(), "no JDK 24 or later under /usr/lib/jvm");
        jdk = found.get();
        feature = Jdks.featureOf(jdk);
        return super.launcher(home).onJdk(jdk);
    }

    /** The training creation runs in a private folder of cds/, which goes with it. */
    @Test
    void fromJdk25TheArchiveIsAnAotCacheAndItsTrainingLeavesNothingBehind() {
        assumeTrue(feature >= 25, "the AOT cache is made from JDK 25; this JDK is " + feature);
        Path archive = createAndGetArchive("e1");
        assertTrue(archive.getFileName().toString().endsWith(".aot"), archive.toString());
        assertEquals(List.of(".dump.lock", archive.getFileName().toString()), names(launcher.cds()));
        assertEquals(List.of("e1"), names(work));
    }

    /**
     * When the training creation fails (here its interpreter is gone), the archive is the static
     * one of the classes the run recorded, and nothing of the training is left.
     */
    @Test
    void whenTheTrainingRunFailsTheStaticArchiveIsPublishedInstead() throws IOException {
        assumeTrue(feature >= 25, "the AOT cache is made from JDK 25; this JDK is " + feature);
        Path cds = Files.createDirectories(tmp.resolve("cds"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        Path recording = cds.resolve(".classes.recorded");
        String java = jdk.resolve("bin/java").toString();
        assertSucceeded(Run.command(launcher.environment(), work, List.of(java, "-XX:+UseSerialGC",
                "-XX:DumpLoadedClassList=" + recording, "-jar", launcher.file().toString(), "--version")));
        List<String> training = List.of("--python", tmp.resolve("gone/python3").toString(),
                "--app-data", tmp.resolve("cache").toString());

        new ArchiveDump(new CdsDirectory(cds), recording, BUILD, Path.of(java), launcher.file(), training).run(Set.of());

        List<Path> archives = BuiltLauncher.archives(cds);
        assertEquals(1, archives.size(), names(cds)::toString);
        assertTrue(archives.get(0).getFileName().toString().matches(BUILD + "-\\d+-\\d+\\.jsa"), archives::toString);
        assertEquals(List.of(".classes.recorded", ".dump.lock", archives.get(0).getFileName().toString()), names(cds));
        assertEquals(List.of(), names(work), "nothing in the working directory");
    }
}
