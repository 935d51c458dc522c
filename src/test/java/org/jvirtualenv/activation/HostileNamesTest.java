package org.jvirtualenv.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.jvirtualenv.testing.Shells;

/**
 * Every hostile name, as the environment path and as the prompt, in every installed shell: the
 * values must come back byte-exact and nothing in them may run. The whole matrix is started at
 * once and runs in parallel.
 */
class HostileNamesTest {
    @TempDir
    Path scratch;

    @TestFactory
    Stream<DynamicNode> hostileNamesRoundTripAndRunNothing() {
        List<DynamicNode> perShell = new ArrayList<>();
        for (ProbeShell shell : ProbeShell.values()) {
            List<DynamicTest> cases = new ArrayList<>();
            for (ProbeCase probeCase : ProbeCase.hostile()) {
                CompletableFuture<ShellProbe.Outcome> run = ShellProbe.start(shell, probeCase, scratch);
                cases.add(DynamicTest.dynamicTest(probeCase.label(), () -> {
                    assumeTrue(shell.path().isPresent(), shell.missingReason());
                    assumeTrue(Shells.python3().isPresent(), "python3 not found on PATH: needed for bin/python");
                    check(shell, probeCase, run.join());
                }));
            }
            perShell.add(DynamicContainer.dynamicContainer(shell.executable, cases));
        }
        return perShell.stream();
    }

    private static void check(ProbeShell shell, ProbeCase probeCase, ShellProbe.Outcome outcome) {
        if (shell.family == ProbeShell.Family.CSH && probeCase.hasNewline()) {
            assertNotNull(outcome.refusal(), "csh cannot hold a newline: the activator must be refused");
            String what = probeCase.envName().contains("\n") ? "the environment path" : "the prompt";
            assertEquals("cannot write activate.csh: csh cannot hold a newline in " + what
                    + "; use --activators to leave it out", outcome.refusal().getMessage());
            return;
        }
        assertNull(outcome.refusal(), () -> "refused: " + outcome.refusal().getMessage());
        ProbeExpectations.check(outcome, probeCase);
    }
}
