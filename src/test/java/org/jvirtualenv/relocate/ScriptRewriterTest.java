package org.jvirtualenv.relocate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jvirtualenv.seed.Shebang;
import org.junit.jupiter.api.Test;

class ScriptRewriterTest {
    private static final String BIN = "/opt/my env/bin";
    private final ScriptRewriter rewriter = new ScriptRewriter(BIN);

    private Optional<String> rewrite(String script) {
        return rewriter.rewrite(script.getBytes(StandardCharsets.UTF_8)).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    @Test
    void directShebangToTheEnvsPython() {
        String out = new ScriptRewriter("/opt/env/bin").rewrite("#!/opt/env/bin/python3.11\nimport x\n"
                .getBytes(StandardCharsets.UTF_8)).map(String::new).orElseThrow();
        assertEquals(Shebang.relative("python3.11") + "import x\n", out);
    }

    @Test
    void ourTrampolineAndPipsAreBothRecognised() {
        String ours = Shebang.forInterpreter(BIN + "/python") + "body\n";
        assertEquals(Shebang.relative("python") + "body\n", rewrite(ours).orElseThrow());
        String pips = "#!/bin/sh\n'''exec' \"" + BIN + "/python\" \"$0\" \"$@\"\n' '''\nbody\n";
        assertEquals(Shebang.relative("python") + "body\n", rewrite(pips).orElseThrow());
    }

    @Test
    void pipsUnescapedFormIsMatchedAsTextNotEvaluated() {
        ScriptRewriter hostile = new ScriptRewriter("/opt/x $(touch M)/bin");
        String pips = "#!/bin/sh\n'''exec' \"/opt/x $(touch M)/bin/python\" \"$0\" \"$@\"\n' '''\nbody\n";
        assertEquals(Shebang.relative("python") + "body\n",
                hostile.rewrite(pips.getBytes(StandardCharsets.UTF_8)).map(String::new).orElseThrow());
    }

    @Test
    void scriptsOfOtherInterpretersAreLeftAlone() {
        assertTrue(rewrite("#!/usr/bin/python3\nimport x\n").isEmpty());
        assertTrue(rewrite("#!/bin/bash\necho hi\n").isEmpty());
        assertTrue(rewrite("\u007fELF binary").isEmpty());
        assertTrue(rewrite("#!" + BIN + "/../../elsewhere/python\n").isEmpty());
        assertTrue(rewrite(Shebang.relative("python") + "body\n").isEmpty(), "already relocatable");
    }

    @Test
    void theRelativeTrampolineIsValidPythonAndSh() {
        String t = Shebang.relative("python");
        assertTrue(t.startsWith("#!/bin/sh\n'''exec' "), t);
        assertTrue(t.endsWith("\n' '''\n"), t);
        assertEquals(1, t.split("'''", -1).length - 2, "exactly one triple quote opens and one closes: " + t);
    }
}
