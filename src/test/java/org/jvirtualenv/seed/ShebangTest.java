package org.jvirtualenv.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jvirtualenv.testing.Interpreters;
import org.jvirtualenv.util.FileModes;
import org.jvirtualenv.testing.Run;
import org.jvirtualenv.testing.ProcessResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShebangTest {
    @TempDir
    Path tmp;

    @Test
    void shortPlainPathsAreWrittenDirectly() {
        assertEquals("#!/opt/env/bin/python\n", Shebang.forInterpreter("/opt/env/bin/python"));
    }

    @Test
    void spacesAndLongPathsUseTheTrampoline() {
        assertTrue(Shebang.forInterpreter("/opt/my env/bin/python").startsWith("#!/bin/sh\n"));
        assertTrue(Shebang.forInterpreter("/opt/" + "x".repeat(130) + "/bin/python").startsWith("#!/bin/sh\n"));
    }

    @Test
    void quotingNeverProducesThreeQuotesOrABareBackslash() {
        String q = Shebang.quoteForShAndPython("a''b\\c'''d");
        assertFalse(q.contains("'''"), q);
        assertEquals("'a'\"'\"\"'\"'b'\"\\\\\"'c'\"'\"\"'\"\"'\"'d'", q);
    }

    /** The trampoline is run for real: sh must exec the interpreter and Python must parse the file. */
    @ParameterizedTest
    @ValueSource(strings = {"with space", "quote ' and \"dq\"", "sub $(touch MARKER) `touch MARKER`",
        "semi; touch MARKER;", "back\\slash \\N{x} end\\", "two '' quotes and ''' three", "unicodé ü"})
    void trampolineRunsFromHostilePaths(String dirName) throws IOException {
        Path dir = tmp.resolve(dirName).resolve("bin");
        Files.createDirectories(dir);
        Path python = dir.resolve("python");
        Files.createSymbolicLink(python, Interpreters.any3().executable());
        Path script = dir.resolve("tool");
        Files.writeString(script, Shebang.forInterpreter(python.toString())
                + "import sys\nprint('ran by ' + sys.executable)\n");
        FileModes.makeExecutable(script);
        ProcessResult r = Run.command(Run.cleanEnvironment(tmp), tmp, script.toString());
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals("ran by " + python, r.stdout().strip());
        try (var all = Files.walk(tmp)) {
            assertTrue(all.noneMatch(p -> p.getFileName().toString().equals("MARKER")), "nothing was executed");
        }
    }
}
