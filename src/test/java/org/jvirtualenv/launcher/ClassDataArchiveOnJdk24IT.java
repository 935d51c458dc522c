package org.jvirtualenv.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.jvirtualenv.launcher.BuiltLauncher.names;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every guarantee of {@link ClassDataArchiveIT} again on the newest JDK 24 or later under
 * /usr/lib/jvm (Temurin 25 on the build machine), whose CDS now shares its code with the AOT
 * cache; from JDK 25 the archive is the AOT cache itself. The same publication, mapping, and
 * recovery from damaged, planted or foreign files. Skipped without such a JDK.
 */
class ClassDataArchiveOnJdk24IT extends ClassDataArchiveIT {
    private int feature;

    @Override
    BuiltLauncher launcher(Path home) {
        Optional<Path> jdk = Jdks.atLeast(24);
        assumeTrue(jdk.isPresent(), "no JDK 24 or later under /usr/lib/jvm");
        feature = Jdks.featureOf(jdk.get());
        return super.launcher(home).onJdk(jdk.get());
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
}
