package org.jvirtualenv.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jvirtualenv.util.VirtualenvException;
import org.jvirtualenv.testing.FakeInterpreters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Discovery order on a made-up machine: two PATH folders, a shims folder and a pyenv root, all
 * holding fake interpreters that describe themselves without running.
 */
class DiscoveryTest {
    @TempDir
    Path tmp;

    private final FakeInterpreters fakes = new FakeInterpreters();
    private Path first;
    private Path second;
    private Path pyenv;
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void machine() throws IOException {
        first = tmp.resolve("first/bin");
        second = tmp.resolve("second/bin");
        pyenv = tmp.resolve("pyenv");
        fakes.create(first.resolve("python3"), "CPython", 3, 10, 4);
        fakes.create(second.resolve("python3.12"), "CPython", 3, 12, 1);
        fakes.create(second.resolve("python3"), "CPython", 3, 11, 2);
        fakes.create(second.resolve("pypy3"), "PyPy", 3, 9, 16);
        Files.writeString(second.resolve("python3-config"), "#!/bin/sh\necho not an interpreter\n");
        fakes.create(pyenv.resolve("versions/3.9.18/bin/python3.9"), "CPython", 3, 9, 18);
        Files.createSymbolicLink(pyenv.resolve("versions/3.9.18/bin/python3"), Path.of("python3.9"));
        fakes.create(pyenv.resolve("versions/3.13.0/bin/python3.13"), "CPython", 3, 13, 0);
        fakes.create(pyenv.resolve("versions/2.7.18/bin/python2.7"), "CPython", 2, 7, 18);
        env.put("PATH", first + ":" + second);
        env.put("PYENV_ROOT", pyenv.toString());
        env.put("HOME", tmp.resolve("home").toString());
    }

    private PythonInfo find(List<String> specs, List<String> tryFirst) {
        return new Discovery(new PyInfoCache(tmp.resolve("cache"), fakes.probe), env, tmp).find(specs, tryFirst);
    }

    private String found(String... specs) {
        PythonInfo info = find(List.of(specs), List.of());
        return info.implementation() + " " + info.version().dotted() + " " + tmp.relativize(Path.of(info.executable()));
    }

    @Test
    void aCommandNameTakesTheFirstOfThatNameOnPath() {
        assertEquals("CPython 3.10.4 first/bin/python3", found("python3"));
        assertEquals("CPython 3.12.1 second/bin/python3.12", found("python3.12"));
        assertEquals("PyPy 3.9.16 second/bin/pypy3", found("pypy3"));
    }

    @Test
    void noSpecMeansPython3() {
        assertEquals("CPython 3.10.4 first/bin/python3", found());
    }

    @Test
    void aVersionSpecTakesTheHighestMatchFromPathAndPyenv() {
        assertEquals("CPython 3.13.0 pyenv/versions/3.13.0/bin/python3.13", found("3"));
        assertEquals("CPython 3.12.1 second/bin/python3.12", found("3.12"));
        assertEquals("CPython 3.13.0 pyenv/versions/3.13.0/bin/python3.13", found(">=3.10"));
        assertEquals("CPython 3.11.2 second/bin/python3", found("cpython~=3.11.0"));
        assertEquals("CPython 3.11.2 second/bin/python3", found("311"));
        assertEquals("PyPy 3.9.16 second/bin/pypy3", found("pypy3.9"));
    }

    @Test
    void pyenvVersionsThatAreNotOnPathAreFound() {
        assertEquals("CPython 3.9.18 pyenv/versions/3.9.18/bin/python3.9", found("3.9"));
        assertEquals("CPython 3.9.18 pyenv/versions/3.9.18/bin/python3.9", found("cpython3.9"));
        assertEquals("CPython 2.7.18 pyenv/versions/2.7.18/bin/python2.7", found("python2.7"));
        assertEquals("CPython 2.7.18 pyenv/versions/2.7.18/bin/python2.7", found("2"));
    }

    @Test
    void theFirstSpecThatResolvesWins() {
        assertEquals("CPython 3.10.4 first/bin/python3", found("3.99", "python3.99", "3.10", "3.12"));
    }

    @Test
    void virtualenvPythonComesAfterTheCommandLine() {
        env.put("VIRTUALENV_PYTHON", "3.12, 3.9");
        assertEquals(List.of("3.10", "3.12", "3.9"), Discovery.specsFrom(List.of("3.10"), env));
        assertEquals(List.of("3.12", "3.9"), Discovery.specsFrom(List.of(), env));
    }

    @Test
    void tryFirstWithWinsWhenItSatisfiesTheSpec() throws IOException {
        Path custom = fakes.create(tmp.resolve("custom/bin/python"), "CPython", 3, 11, 9);
        assertEquals("3.11.9", find(List.of("3.11"), List.of(custom.toString())).version().dotted());
        assertEquals("3.11.9", find(List.of("3"), List.of("custom/bin/python")).version().dotted());
        // It must still satisfy the spec.
        assertEquals("3.12.1", find(List.of("3.12"), List.of(custom.toString())).version().dotted());
    }

    @Test
    void aPathIsUsedAsItIs() {
        assertEquals("CPython 3.11.2 second/bin/python3", found(second.resolve("python3").toString()));
        assertEquals("CPython 3.11.2 second/bin/python3", found("second/bin/python3"));
    }

    @Test
    void anInterpreterInsideAnEnvironmentResolvesToItsBase() throws IOException {
        String base = second.resolve("python3.12").toString();
        Path venvPython = tmp.resolve("venv/bin/python");
        fakes.create(venvPython, FakeInterpreters.describe(venvPython.toString(), "CPython", 3, 12, 1, base));
        PythonInfo info = find(List.of(venvPython.toString()), List.of());
        assertEquals(base, info.executable());
        assertEquals(false, info.inVenv());
    }

    @Test
    void shimsAreNotSearchedButPyenvIs() throws IOException {
        Path shims = tmp.resolve("pyenv/shims");
        Files.createDirectories(shims);
        // A shim that would run 3.14 if it were run: discovery must not take it for an interpreter.
        Files.writeString(shims.resolve("python3.14"), "#!/usr/bin/env bash\nexec false\n");
        shims.resolve("python3.14").toFile().setExecutable(true);
        env.put("PATH", shims + ":" + first + ":" + second);
        assertEquals("CPython 3.13.0 pyenv/versions/3.13.0/bin/python3.13", found("3"));
    }

    @Test
    void namesThatCannotMatchAreNotIntrospected() {
        found("3.9");
        // first/bin/python3, second/bin/python3, pypy3 (could be a 3.9) and pyenv's 3.9;
        // never python3.12 or pyenv's 2.7/3.13, whose names say they cannot be.
        assertEquals(4, fakes.probes.get());
        fakes.probes.set(0);
        found("3.9");
        assertEquals(0, fakes.probes.get(), "all known from the cache");
    }

    @Test
    void noMatchIsOneErrorNamingTheSpecAndEveryPlace() {
        VirtualenvException e = assertThrows(VirtualenvException.class, () -> find(List.of("3.5", "/nope/python"), List.of()));
        String msg = e.getMessage();
        assertTrue(msg.contains("nothing matches '3.5'"), msg);
        assertTrue(msg.contains(first.toString()) && msg.contains(second.toString()), msg);
        assertTrue(msg.contains(pyenv.resolve("versions").toString()), msg);
        assertTrue(msg.contains("CPython 3.11.2 at " + second.resolve("python3")), msg);
        assertTrue(msg.contains("/nope/python does not exist"), msg);
        assertEquals(1, msg.lines().count());

        // Text that is no spec and could name no command is looked for nowhere, and says why
        // (it said "PATH is empty", with PATH set).
        msg = assertThrows(VirtualenvException.class, () -> find(List.of("!!"), List.of())).getMessage();
        assertTrue(msg.contains("nothing matches '!!' (it is neither a path, nor a command name, nor a spec)"), msg);
    }
}
