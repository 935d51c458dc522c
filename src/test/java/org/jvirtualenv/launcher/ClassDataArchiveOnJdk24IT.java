package org.jvirtualenv.launcher;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.jvirtualenv.launcher.BuiltLauncher.assertSucceeded;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.jvirtualenv.testing.ProcessResult;

/**
 * Every guarantee of {@link ClassDataArchiveIT} again on a JDK with the AOT cache (24 and later),
 * where the archive is dumped with its classes linked ahead of time: the same publication,
 * verification and recovery from damaged, planted or foreign files. Skipped without such a JDK.
 */
class ClassDataArchiveOnJdk24IT extends ClassDataArchiveIT {
    @Override
    BuiltLauncher launcher(Path home) {
        Optional<Path> jdk = Jdks.atLeast(24);
        assumeTrue(jdk.isPresent(), "no JDK 24 or later under /usr/lib/jvm (the AOT cache's class linking)");
        return super.launcher(home).onJdk(jdk.get());
    }

    @Test
    void theArchiveHoldsItsClassesLinkedAheadOfTime() {
        createAndGetArchive("e1");
        Map<String, String> env = launcher.environment();
        env.put("JVIRTUALENV_JAVA_OPTS", "-Xlog:aot=info");
        ProcessResult version = launcher.run(env, work, "--version");
        assertSucceeded(version);
        assertTrue(version.stdout().contains("Using AOT-linked classes: true"), version.stdout());
    }
}
