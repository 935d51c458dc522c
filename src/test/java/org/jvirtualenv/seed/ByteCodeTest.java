package org.jvirtualenv.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.jvirtualenv.discovery.Introspector;
import org.jvirtualenv.discovery.PythonInfo;
import org.jvirtualenv.testing.Interpreters;
import org.jvirtualenv.util.Json;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * When an image's byte code counts as complete, with the real compilers of 2.7, 3.6, the newest
 * 3.x and PyPy: a module the target rejects for its syntax may stay uncompiled (a wheel for many
 * versions can hold code only newer ones import); a module left uncompiled for any other reason
 * (its byte code could not be written) or by a compiler that did nothing makes it incomplete.
 */
class ByteCodeTest {
    @TempDir
    Path tmp;

    static List<Interpreters.Found> interpreters() {
        List<Interpreters.Found> chosen = new ArrayList<>();
        Interpreters.labelled("pyenv-2.7").ifPresent(chosen::add);
        Interpreters.labelled("pyenv-3.6").ifPresent(chosen::add);
        Interpreters.cpython3(7).stream().filter(f -> f.label().startsWith("pyenv"))
                .max(java.util.Comparator.comparingInt(Interpreters.Found::minor)).ifPresent(chosen::add);
        Interpreters.labelled("pypy3").ifPresent(chosen::add);
        return Interpreters.orSkip(chosen, "Python 2.7, 3.6, 3.x or PyPy interpreter");
    }

    private static PythonInfo info(Interpreters.Found python) {
        return PythonInfo.fromJson(Json.parseObject(new Introspector().describeJson(python.executable())));
    }

    /** site/pkg with two good modules and, when asked, one no Python can compile. */
    private Path site(boolean withBadSyntax) throws IOException {
        Path pkg = Files.createDirectories(tmp.resolve("site/pkg"));
        Files.writeString(pkg.resolve("__init__.py"), "");
        Files.writeString(pkg.resolve("good.py"), "def f(x):\n    return x + 1\n");
        if (withBadSyntax) {
            Files.writeString(pkg.resolve("newer.py"), "x = = 1\n");
        }
        return pkg.getParent();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("interpreters")
    void everyModuleCompiledIsComplete(Interpreters.Found python) throws IOException {
        ByteCode.Outcome outcome = new ByteCode(info(python)).compile(site(false));
        assertTrue(outcome.complete(), outcome.problem());
        assertEquals(List.of(), outcome.notCompilable());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("interpreters")
    void aModuleTheTargetRejectsForItsSyntaxMayStayUncompiled(Interpreters.Found python) throws IOException {
        ByteCode.Outcome outcome = new ByteCode(info(python)).compile(site(true));
        assertTrue(outcome.complete(), outcome.problem());
        assertEquals(List.of("pkg/newer.py"), outcome.notCompilable());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("interpreters")
    void byteCodeThatCouldNotBeWrittenIsIncomplete(Interpreters.Found python) throws IOException {
        Path site = site(false);
        // Where good.py's byte code goes is taken by something it cannot be written over.
        if (python.major() < 3) {
            Files.createDirectories(site.resolve("pkg/good.pyc"));
        } else {
            Files.writeString(site.resolve("pkg/__pycache__"), "not a directory");
        }
        ByteCode.Outcome outcome = new ByteCode(info(python)).compile(site);
        assertFalse(outcome.complete());
        assertTrue(outcome.problem().contains("have no byte code"), outcome.problem());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("interpreters")
    void aCompilerThatWritesNothingIsIncomplete(Interpreters.Found python) throws IOException {
        PythonInfo real = info(python);
        Path fake = tmp.resolve("fake-python");
        Files.writeString(fake, "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        PythonInfo claimed = new PythonInfo(real.implementation(), real.version(), real.versionString(), fake.toString(),
                fake.toString(), real.prefix(), real.execPrefix(), real.basePrefix(), real.baseExecPrefix(), false,
                real.platform(), real.os(), real.machine(), real.pointerBits(), real.freeThreaded(), real.sysconfigPaths(),
                real.sysconfigVars(), real.stdlibDir(), real.sysPath(), real.nt());
        ByteCode.Outcome outcome = new ByteCode(claimed).compile(site(false));
        assertFalse(outcome.complete());
        assertTrue(outcome.problem().startsWith("2 of 2 modules have no byte code"), outcome.problem());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("interpreters")
    void theCacheTagIsTheTargetsOwn(Interpreters.Found python) {
        org.junit.jupiter.api.Assumptions.assumeTrue(python.major() >= 3, "Python 2 writes its byte code beside the source");
        var r = org.jvirtualenv.testing.Run.command(java.util.Map.of(), tmp, python.executable().toString(), "-c",
                "import sys; print(sys.implementation.cache_tag)");
        assertEquals(r.stdout().strip(), new ByteCode(info(python)).cacheTag(), r.describe());
    }
}
