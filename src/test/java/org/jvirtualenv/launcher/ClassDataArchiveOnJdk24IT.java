package org.jvirtualenv.launcher;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Every guarantee of {@link ClassDataArchiveIT} again on the newest JDK 24 or later under
 * /usr/lib/jvm (Temurin 25 on the build machine), whose CDS now shares its code with the AOT
 * cache: the same publication, mapping, and recovery from damaged, planted or foreign files.
 * Skipped without such a JDK.
 */
class ClassDataArchiveOnJdk24IT extends ClassDataArchiveIT {
    @Override
    BuiltLauncher launcher(Path home) {
        Optional<Path> jdk = Jdks.atLeast(24);
        assumeTrue(jdk.isPresent(), "no JDK 24 or later under /usr/lib/jvm");
        return super.launcher(home).onJdk(jdk.get());
    }
}
