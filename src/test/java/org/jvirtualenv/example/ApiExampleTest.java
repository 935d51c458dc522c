package org.jvirtualenv.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jvirtualenv.CreateRequest;
import org.jvirtualenv.CreateResult;
import org.jvirtualenv.EnvironmentPlan;
import org.jvirtualenv.Plan;
import org.jvirtualenv.Virtualenv;
import org.jvirtualenv.config.CommandLineRequest;
import org.jvirtualenv.config.ConfigSources;
import org.jvirtualenv.testing.Interpreters;
import org.jvirtualenv.testing.ProcessResult;
import org.jvirtualenv.testing.Run;
import org.jvirtualenv.testing.TestWheels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's example for Java callers, run as a test: only the library's public API (this
 * package is outside it), from a plan to an environment whose pip installs a wheel.
 */
class ApiExampleTest {
    @TempDir
    Path tmp;

    @Test
    void planInspectCreateThenPipInstall() throws IOException {
        Map<String, String> environment = Run.cleanEnvironment(tmp.resolve("home"));
        String python = Interpreters.any3().executable().toString();

        // 1. Say what you want, as the command line would, or with the builder.
        CreateRequest request = CreateRequest.builder(tmp.resolve("build/venv"))
                .python(python)
                .prompt("demo")
                .environment(environment)
                .build();

        // 2. Plan: the interpreter is found and everything is decided; nothing is written yet.
        Plan plan = Virtualenv.plan(request);
        assertTrue(plan instanceof EnvironmentPlan, plan.describe());
        EnvironmentPlan environmentPlan = (EnvironmentPlan) plan;
        assertEquals(3, environmentPlan.python().version().major());
        assertTrue(plan.describe().contains("  seeder app-data (pip=bundle"), plan.describe());
        assertFalse(Files.exists(tmp.resolve("build")));

        // 3. Run it.
        CreateResult result = (CreateResult) plan.run();
        assertTrue(result.seed().installed().stream().anyMatch(d -> d.name().equals("pip")));

        // 4. Use the environment's pip like any other.
        Path wheels = Files.createDirectories(tmp.resolve("wheels"));
        TestWheels.demo(wheels, "hello_api", "1.0", "hello-api");
        ProcessResult pip = Run.command(environment, tmp, result.destination().resolve("bin/pip").toString(),
                "install", "--no-index", "--find-links", wheels.toString(), "hello_api");
        assertEquals(0, pip.exitCode(), pip.describe());
        ProcessResult hello = Run.command(environment, tmp, result.destination().resolve("bin/hello-api").toString());
        assertEquals("hello_api 1.0 ran", hello.stdout().strip(), hello.describe());

        // The same request from arguments, variables and an ini file, validated as the CLI does.
        CreateRequest fromArgs = CommandLineRequest.parse(List.of("--prompt", "demo", "-p", python, "build/venv"),
                ConfigSources.of(environment), tmp);
        assertEquals(request.prompt(), fromArgs.prompt());
        assertEquals(request.pythonSpecs(), fromArgs.pythonSpecs());
        assertEquals(tmp.resolve("build/venv"), fromArgs.workDir().resolve(fromArgs.destination()));
    }
}
