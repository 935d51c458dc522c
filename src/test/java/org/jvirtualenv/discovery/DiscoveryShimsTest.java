package org.jvirtualenv.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.jvirtualenv.testing.Scripts.executable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jvirtualenv.util.VirtualenvException;
import org.jvirtualenv.testing.FakeInterpreters;
import org.jvirtualenv.testing.Interpreters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Discovery through version-manager shims on a made-up machine: a pyenv shim is resolved without
 * running pyenv when pyenv's rules decide, pyenv is asked when they do not, mise is asked about
 * its shims (links to the mise binary), and any other link shim is run as itself, never cached.
 */
class DiscoveryShimsTest {
    @TempDir
    Path tmp;

    private final FakeInterpreters fakes = new FakeInterpreters();
    private Path root;
    private Path pyenvCalls;
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void machine() throws IOException {
        for (Path d = tmp.getParent(); d != null; d = d.getParent()) {
            assumeTrue(!Files.exists(d.resolve(".python-version")), "a .python-version in " + d + " decides for these tests");
        }
        root = tmp.resolve("pyenv");
        pyenvCalls = tmp.resolve("pyenv-calls");
        // The stand-in pyenv notes every call and answers `which` with 3.12.1's python3.
        executable(root.resolve("libexec/pyenv"), "#!/bin/sh\necho \"$@\" >> '" + pyenvCalls + "'\n"
                + "echo '" + root.resolve("versions/3.12.1/bin/python3") + "'\n");
        executable(root.resolve("shims/python3"), "#!/usr/bin/env bash\nset -e\nprogram=\"${0##*/}\"\n"
                + "export PYENV_ROOT=\"" + root + "\"\nexec \"" + root.resolve("libexec/pyenv") + "\" exec \"$program\" \"$@\"\n");
        fakes.create(root.resolve("versions/3.11.7/bin/python3"), "CPython", 3, 11, 7);
        fakes.create(root.resolve("versions/3.12.1/bin/python3"), "CPython", 3, 12, 1);
        fakes.create(tmp.resolve("usr/bin/python3"), "CPython", 3, 10, 2);
        env.put("HOME", tmp.resolve("home").toString());
        env.put("PATH", root.resolve("shims") + ":" + tmp.resolve("usr/bin"));
    }

    private String found(PyInfoCache.Probe probe, String... specs) {
        PythonInfo info = new Discovery(new PyInfoCache(tmp.resolve("cache"), probe), env, tmp).find(List.of(specs), List.of());
        return info.version().dotted() + " " + tmp.relativize(Path.of(info.executable()));
    }

    private List<String> pyenvCalls() throws IOException {
        return Files.exists(pyenvCalls) ? Files.readAllLines(pyenvCalls) : List.of();
    }

    @Test
    void aPyenvShimIsResolvedWithoutRunningPyenv() throws IOException {
        env.put("PYENV_VERSION", "3.11.7");
        assertEquals("3.11.7 pyenv/versions/3.11.7/bin/python3", found(fakes.probe));
        Files.writeString(root.resolve("version"), "system\n");
        env.remove("PYENV_VERSION");
        assertEquals("3.10.2 usr/bin/python3", found(fakes.probe));
        assertEquals(List.of(), pyenvCalls());
    }

    @Test
    void pyenvIsAskedWhenItsRulesDoNotDecide() throws IOException {
        env.put("PYENV_VERSION", "3.12"); // a prefix: pyenv's own `latest` resolves it
        assertEquals("3.12.1 pyenv/versions/3.12.1/bin/python3", found(fakes.probe));
        assertEquals(List.of("which python3"), pyenvCalls());
    }

    @Test
    void aShimThatRunsNothingIsReportedAsSuch() {
        env.put("PYENV_VERSION", "3.11.7");
        env.put("PATH", root.resolve("shims").toString());
        try {
            Files.delete(root.resolve("versions/3.11.7/bin/python3"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        VirtualenvException e = org.junit.jupiter.api.Assertions.assertThrows(VirtualenvException.class,
                () -> found(fakes.probe, "python3"));
        assertTrue(e.getMessage().contains("is a shim that runs no installed interpreter here"), e.getMessage());
    }

    @Test
    void aMiseShimIsResolvedByAskingMiseAndWhatItRunsIsCached() throws IOException {
        // mise's shims are links to the mise binary, which picks the tool by the name it was run as;
        // the stand-in answers `mise which NAME` by the version the working directory's file names.
        Path miseCalls = tmp.resolve("mise-calls");
        Path installs = tmp.resolve("mise/installs/python");
        fakes.create(installs.resolve("3.11.0/bin/python3"), "CPython", 3, 11, 0);
        fakes.create(installs.resolve("3.12.0/bin/python3"), "CPython", 3, 12, 0);
        Path mise = executable(tmp.resolve("mise/bin/mise"), "#!/bin/sh\necho \"$@ in $PWD\" >> '" + miseCalls + "'\n"
                + "[ \"$1\" = which ] && [ \"$2\" = python3 ] || { echo \"mise ERROR $2 is not a mise bin\" >&2; exit 1; }\n"
                + "v=3.11.0\n[ -f .tool-versions ] && read -r v < .tool-versions\n"
                + "echo '" + installs + "'/$v/bin/python3\n");
        Path shims = Files.createDirectories(tmp.resolve("mise/shims"));
        Files.createSymbolicLink(shims.resolve("python3"), mise);
        env.put("PATH", shims + ":" + tmp.resolve("usr/bin"));

        assertEquals("3.11.0 mise/installs/python/3.11.0/bin/python3", found(fakes.probe));
        Files.writeString(tmp.resolve(".tool-versions"), "3.12.0\n");
        assertEquals("3.12.0 mise/installs/python/3.12.0/bin/python3", found(fakes.probe));
        assertEquals("3.12.0 mise/installs/python/3.12.0/bin/python3", found(fakes.probe));
        assertEquals(2, fakes.probes.get(), "each interpreter mise named is introspected once, then cached");
        assertEquals(3, Files.readAllLines(miseCalls).size(), "mise is asked on every run: " + Files.readAllLines(miseCalls));
        assertEquals("which python3 in " + tmp, Files.readAllLines(miseCalls).get(0));
    }

    @Test
    void aLinkShimNoManagerAnswersForIsRunAsItselfAndNeverCached() throws IOException {
        // A link to some other manager's binary, and one to a mise whose `which` fails: each shim is
        // run through, and its answer never cached (what it runs can change while it does not).
        Path manager = tmp.resolve("manager/bin/manager");
        executable(manager, "\u007fELF\n");
        Path failingMise = executable(tmp.resolve("other/bin/mise"), "#!/bin/sh\necho 'mise ERROR no' >&2\nexit 1\n");
        Path shims = Files.createDirectories(tmp.resolve("manager/shims"));
        Files.createSymbolicLink(shims.resolve("python3"), manager);
        Files.createSymbolicLink(shims.resolve("python3.12"), failingMise);
        env.put("PATH", shims.toString());
        AtomicInteger runs = new AtomicInteger();
        List<Path> asked = new java.util.ArrayList<>();
        PyInfoCache.Probe byName = interpreter -> {
            runs.incrementAndGet();
            asked.add(interpreter);
            int minor = interpreter.getFileName().toString().equals("python3.12") ? 12 : 11;
            String exe = tmp.resolve("manager/installs/python/3." + minor + ".0/bin/python3." + minor).toString();
            return org.jvirtualenv.util.Json.write(FakeInterpreters.describe(exe, "CPython", 3, minor, 0, null));
        };
        assertEquals("3.12.0 manager/installs/python/3.12.0/bin/python3.12", found(byName, "python3.12"));
        assertEquals("3.11.0 manager/installs/python/3.11.0/bin/python3.11", found(byName, "python3"));
        assertEquals("3.12.0 manager/installs/python/3.12.0/bin/python3.12", found(byName, "python3.12"));
        assertEquals(3, runs.get(), "a shim's answer is never taken from the cache");
        assertEquals(List.of(shims.resolve("python3.12"), shims.resolve("python3"), shims.resolve("python3.12")), asked);
        assertFalse(Files.exists(tmp.resolve("cache")) && Files.list(tmp.resolve("cache")).findAny().isPresent(),
                "nothing cached for the manager's binary");
    }

    @Test
    void aShimRunThroughRunsWithTheRequestsEnvironmentAndFolder() throws IOException {
        // A wrapper no manager's rules cover, which picks the interpreter from a file named by a
        // variable, in the folder it runs in: neither is this test process's own.
        List<Interpreters.Found> real = Interpreters.cpython3(7);
        assumeTrue(!real.isEmpty(), "no CPython 3.7+ on this machine");
        Interpreters.Found python = real.get(real.size() - 1);
        Path shims = tmp.resolve("wrapper/shims");
        executable(shims.resolve("python3"), "#!/bin/sh\nread -r py < \"./$PICK_FILE\" && exec \"$py\" \"$@\"\n"
                + "echo 'nothing picked' >&2\nexit 1\n");
        Path project = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(project.resolve("picked"), python.executable() + "\n");
        env.put("PATH", shims.toString());
        env.put("PICK_FILE", "picked");
        PythonInfo info = new Discovery(new PyInfoCache(tmp.resolve("cache"), new Introspector()), env, project)
                .find(List.of(), List.of());
        assertEquals(python.major() + "." + python.minor(), info.version().majorMinor());
        assertEquals(python.executable().toRealPath(), Path.of(info.executable()).toRealPath());
    }

    @Test
    void anInterpreterThatOnlyLivesInAShimsFolderIsCachedAsUsual() throws IOException {
        Path shims = tmp.resolve("tool/shims");
        fakes.create(shims.resolve("python3"), "CPython", 3, 9, 1);
        env.put("PATH", shims.toString());
        assertEquals("3.9.1 tool/shims/python3", found(fakes.probe));
        assertEquals("3.9.1 tool/shims/python3", found(fakes.probe));
        assertEquals(1, fakes.probes.get());
        assertTrue(Files.readString(Files.list(tmp.resolve("cache")).findFirst().orElseThrow(), StandardCharsets.UTF_8)
                .contains("python3"));
    }
}
