package org.jvirtualenv.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jvirtualenv.CreateRequest;
import org.jvirtualenv.CreateResult;
import org.jvirtualenv.EnvironmentPlan;
import org.jvirtualenv.Plan;
import org.jvirtualenv.RelocationPlan;
import org.jvirtualenv.RelocationResult;
import org.jvirtualenv.Virtualenv;
import org.jvirtualenv.util.VirtualenvException;
import org.jvirtualenv.testing.Cli;
import org.jvirtualenv.testing.Interpreters;
import org.jvirtualenv.testing.ProcessResult;
import org.jvirtualenv.testing.Run;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plan first, then run: what a plan resolves, that it writes no environment, and what -v and -vv show of it. */
class PlanTest {
    @TempDir
    Path tmp;

    private Map<String, String> env;
    private Interpreters.Found python;

    @BeforeEach
    void setUp() {
        env = Run.cleanEnvironment(tmp.resolve("home"));
        python = Interpreters.any3();
    }

    private CreateRequest.Builder request(String dest) {
        return CreateRequest.builder(tmp.resolve(dest)).python(python.executable().toString()).environment(env)
                .workDir(tmp).appData(tmp.resolve("cache"));
    }

    @Test
    void aPlanResolvesEverythingAndWritesNoEnvironmentUntilRun() {
        Plan plan = Virtualenv.plan(request("a/b/env").activators(List.of("bash", "fish")).build());
        EnvironmentPlan environment = assertInstanceOf(EnvironmentPlan.class, plan);
        assertEquals(tmp.resolve("a/b/env"), plan.destination());
        assertEquals("CPython3Posix", environment.creator().name());
        assertEquals(List.of("bash", "fish"), environment.activators().stream().map(a -> a.name()).toList());
        assertFalse(Files.exists(tmp.resolve("a")), "planning writes no part of the environment");
        String text = plan.describe();
        assertTrue(text.startsWith("create an environment in " + tmp.resolve("a/b/env") + "\n  interpreter CPython"),
                text);
        assertTrue(text.contains("  creator CPython3Posix (--creator builtin)\n"), text);
        assertTrue(text.contains("  seeder app-data (pip=bundle"), text);
        assertTrue(text.contains("  activators bash, fish\n"), text);

        CreateResult result = assertInstanceOf(CreateResult.class, plan.run());
        assertTrue(Files.isRegularFile(tmp.resolve("a/b/env/bin/activate.fish")));
        assertTrue(result.seed().installed().stream().anyMatch(d -> d.name().equals("pip")));
    }

    @Test
    void badInputIsRefusedWhilePlanning() {
        VirtualenvException e = assertThrows(VirtualenvException.class,
                () -> Virtualenv.plan(request("env").activators(List.of("tcsh")).build()));
        assertEquals(VirtualenvException.USAGE, e.exitCode());
        assertFalse(Files.exists(tmp.resolve("env")));
    }

    @Test
    void relocatableOnAnExistingEnvironmentPlansARelocation() throws java.io.IOException {
        Virtualenv.create(request("env").seed(false).build());
        Plan plan = Virtualenv.plan(request("env").relocatable(true).build());
        assertInstanceOf(RelocationPlan.class, plan);
        assertTrue(plan.describe().startsWith("make the existing environment " + tmp.resolve("env") + " relocatable\n"),
                plan.describe());
        RelocationResult result = assertInstanceOf(RelocationResult.class, plan.run());
        assertTrue(Files.readString(tmp.resolve("env/pyvenv.cfg")).contains("relocatable = true"), result.toString());
        // With --clear it is a new environment again.
        assertInstanceOf(EnvironmentPlan.class, Virtualenv.plan(request("env").relocatable(true).clear(true).build()));
    }

    @Test
    void verboseShowsThePlanAndVeryVerboseEachStagesTime() {
        ProcessResult v = Cli.run(env, tmp, "-v", "--no-seed", "-p", python.executable().toString(), "v");
        assertEquals(0, v.exitCode(), v.describe());
        assertTrue(v.stderr().contains("plan:\ncreate an environment in " + tmp.resolve("v") + "\n"), v.stderr());
        assertTrue(v.stderr().contains("  no seed packages\n"), v.stderr());
        assertFalse(v.stderr().contains("timing:"), v.stderr());

        ProcessResult vv = Cli.run(env, tmp, "-vv", "-p", python.executable().toString(), "vv");
        assertEquals(0, vv.exitCode(), vv.describe());
        for (String stage : List.of("discovery", "plan", "create", "seed", "activators", "total")) {
            assertTrue(vv.stderr().matches("(?s).*\\[TRACE\\] timing: " + stage + " \\d+ ms\n.*"), stage + ":\n" + vv.stderr());
        }
        // Seeding's two costs apart: the directories, and the files linked from the image.
        assertTrue(vv.stderr().matches("(?s).*\\[DEBUG\\] pip [0-9.]+: made its directories in \\d+ ms\n.*"), vv.stderr());
        assertTrue(vv.stderr().matches("(?s).*\\[DEBUG\\] pip [0-9.]+: placed its \\d+ files \\(hardlink\\) in \\d+ ms\n.*"),
                vv.stderr());

        // The same verbosity however the options are spelled: -v clustered with -p and its
        // value, and a shortened --verbose.
        ProcessResult spelled = Cli.run(env, tmp, "-vp" + python.executable(), "--verb", "--no-seed", "spelled");
        assertEquals(0, spelled.exitCode(), spelled.describe());
        assertTrue(spelled.stderr().contains("[TRACE] timing: total "), spelled.stderr());
    }
}
