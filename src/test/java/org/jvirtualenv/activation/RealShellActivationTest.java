package org.jvirtualenv.activation;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.jvirtualenv.testing.Shells;

/** Sources each activator in the real shell it is written for and looks at what changed. */
class RealShellActivationTest {
    @TempDir
    Path scratch;

    @TestFactory
    Stream<DynamicTest> activatesAndDeactivatesInEachShell() {
        ProbeCase plain = ProbeCase.plain();
        List<DynamicTest> tests = new ArrayList<>();
        for (ProbeShell shell : ProbeShell.values()) {
            CompletableFuture<ShellProbe.Outcome> run = ShellProbe.start(shell, plain, scratch);
            tests.add(DynamicTest.dynamicTest(shell.executable, () -> {
                assumeTrue(shell.path().isPresent(), shell.missingReason());
                assumeTrue(Shells.python3().isPresent(), "python3 not found on PATH: needed for bin/python");
                ShellProbe.Outcome outcome = run.join();
                assertNull(outcome.refusal(), "a plain name must not be refused");
                ProbeExpectations.check(outcome, plain);
            }));
        }
        return tests.stream();
    }
}
