package org.jvirtualenv.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jvirtualenv.CreateRequest;
import org.jvirtualenv.Virtualenv;
import org.jvirtualenv.create.VenvRedirect;
import org.jvirtualenv.testing.Interpreters;
import org.jvirtualenv.testing.ProcessResult;
import org.jvirtualenv.testing.Run;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code .venv} redirect against the reference: each scenario is set up twice, virtualenv
 * 21.14.1 creates the environment in one copy and {@link Virtualenv#create} in the other, and
 * what {@code PROJECT/.venv} is afterwards (absent, a folder, a link and its target, or a file and
 * its exact bytes) must be the same.
 */
class VenvRedirectCompatibilityTest {
    private static final Path REFERENCE = Path.of("/opt/ve21/bin/virtualenv");

    @TempDir
    Path tmp;

    /** Makes an environment at dest with the redirect mode given; one per tool. */
    private interface Tool {
        void create(Path dest, VenvRedirect mode);
    }

    /** What to prepare in the project folder before the environment is made. */
    private interface Setup {
        void prepare(Path project, Tool tool) throws IOException;
    }

    private record Scenario(String name, Setup setup, String dest, VenvRedirect mode) {
    }

    private static List<Scenario> scenarios() {
        List<Scenario> all = new ArrayList<>();
        Setup pyproject = (p, t) -> Files.writeString(p.resolve("pyproject.toml"), "[project]\nname = \"demo\"\n");
        Setup nothing = (p, t) -> { };
        all.add(new Scenario("default beside pyproject.toml", pyproject, "env", VenvRedirect.AUTO));
        all.add(new Scenario("default outside a project", nothing, "env", VenvRedirect.AUTO));
        all.add(new Scenario("--venv-redirect outside a project", nothing, "env", VenvRedirect.ALWAYS));
        all.add(new Scenario("--no-venv-redirect beside pyproject.toml", pyproject, "env", VenvRedirect.NEVER));
        all.add(new Scenario("environment named .venv", pyproject, ".venv", VenvRedirect.ALWAYS));
        all.add(new Scenario("name with a space", pyproject, "my env", VenvRedirect.AUTO));
        for (VenvRedirect mode : List.of(VenvRedirect.AUTO, VenvRedirect.ALWAYS)) {
            String flag = mode == VenvRedirect.AUTO ? "default" : "--venv-redirect";
            all.add(new Scenario(flag + ", .venv is a folder", (p, t) -> {
                pyproject.prepare(p, t);
                Files.createDirectories(p.resolve(".venv"));
            }, "env", mode));
            all.add(new Scenario(flag + ", .venv links to another folder", (p, t) -> {
                pyproject.prepare(p, t);
                Files.createDirectories(p.resolve("other"));
                Files.createSymbolicLink(p.resolve(".venv"), Path.of("other"));
            }, "env", mode));
            all.add(new Scenario(flag + ", .venv is a foreign file", (p, t) -> {
                pyproject.prepare(p, t);
                Files.writeString(p.resolve(".venv"), "foo\n");
            }, "env", mode));
            all.add(new Scenario(flag + ", .venv already points here", (p, t) -> {
                pyproject.prepare(p, t);
                Files.writeString(p.resolve(".venv"), "env\n");
            }, "env", mode));
            all.add(new Scenario(flag + ", .venv points here by absolute path", (p, t) -> {
                pyproject.prepare(p, t);
                Files.writeString(p.resolve(".venv"), p.resolve("env").toString());
            }, "env", mode));
            all.add(new Scenario(flag + ", .venv points at an older environment of the same tool", (p, t) -> {
                pyproject.prepare(p, t);
                t.create(p.resolve("older"), VenvRedirect.NEVER);
                Files.writeString(p.resolve(".venv"), "older\n");
            }, "env", mode));
        }
        all.add(new Scenario("--venv-redirect, .venv is an empty file", (p, t) -> Files.writeString(p.resolve(".venv"), ""),
                "env", VenvRedirect.ALWAYS));
        return all;
    }

    /**
     * Absent, folder, link (target) or file (exact content): what a user would find, with the
     * project's own path (which differs between the two copies) written as PROJECT.
     */
    private static String state(Path project) throws IOException {
        Path file = project.resolve(".venv");
        if (Files.isSymbolicLink(file)) {
            return "link -> " + Files.readSymbolicLink(file);
        }
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            return "folder";
        }
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return "file " + Files.readString(file).replace(project.toString(), "PROJECT").replace("\n", "\\n");
        }
        return Files.exists(file, LinkOption.NOFOLLOW_LINKS) ? "other" : "absent";
    }

    @TestFactory
    Stream<DynamicTest> sameRedirectAsVirtualenv21() {
        return scenarios().stream().map(s -> DynamicTest.dynamicTest(s.name(), () -> {
            assumeTrue(Files.isExecutable(REFERENCE), "virtualenv 21.14.1 is not installed at " + REFERENCE);
            Interpreters.Found python = Interpreters.cpython3(9).stream().filter(f -> f.label().startsWith("pyenv"))
                    .findFirst().or(() -> Interpreters.labelled("debian-python3")).orElse(null);
            assumeTrue(python != null, "no CPython 3.9+ for virtualenv 21.14.1 on this machine");
            Map<String, String> env = Run.cleanEnvironment(tmp.resolve("home"));
            String slug = s.name().replaceAll("[^A-Za-z0-9]+", "-");

            Tool reference = (dest, mode) -> {
                List<String> command = new ArrayList<>(List.of(REFERENCE.toString(), "--no-seed", "--activators", "",
                        "-p", python.executable().toString()));
                if (mode == VenvRedirect.ALWAYS) {
                    command.add("--venv-redirect");
                } else if (mode == VenvRedirect.NEVER) {
                    command.add("--no-venv-redirect");
                }
                command.add(dest.toString());
                ProcessResult r = Run.command(env, tmp, command);
                assertEquals(0, r.exitCode(), r.describe());
            };
            Tool ours = (dest, mode) -> Virtualenv.create(CreateRequest.builder(dest)
                    .python(python.executable().toString()).environment(env).workDir(tmp).appData(tmp.resolve("app-data"))
                    .seed(false).activators(List.of()).venvRedirect(mode).build());

            Path theirs = Files.createDirectories(tmp.resolve("theirs").resolve(slug));
            s.setup().prepare(theirs, reference);
            reference.create(theirs.resolve(s.dest()), s.mode());
            Path mine = Files.createDirectories(tmp.resolve("ours").resolve(slug));
            s.setup().prepare(mine, ours);
            ours.create(mine.resolve(s.dest()), s.mode());

            assertEquals(state(theirs), state(mine));
        }));
    }
}
