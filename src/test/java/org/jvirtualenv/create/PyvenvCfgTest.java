package org.jvirtualenv.create;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.jvirtualenv.testing.Described;

/** pyvenv.cfg read back as virtualenv reads it: one pair of matching quotes off a value. */
class PyvenvCfgTest {
    @Test
    void aQuotedValueIsReadWithoutItsQuotes() {
        Map<String, String> cfg = PyvenvCfg.parse("""
                home = /opt/py/bin
                prompt = "  my env "
                venv-prompt = 'from venv'
                odd = "half'
                lone = "
                """);
        assertEquals("/opt/py/bin", cfg.get("home"));
        assertEquals("  my env ", cfg.get("prompt"));
        assertEquals("from venv", cfg.get("venv-prompt"));
        assertEquals("\"half'", cfg.get("odd"));
        assertEquals("\"", cfg.get("lone"));
    }

    /** Written in double quotes as virtualenv 21 writes it; an environment made before reads the same. */
    @Test
    void thePromptWrittenIsThePromptReadBack() {
        CreatorInput in = new CreatorInput(Path.of("/env"), false, false, " it's (here) ", true, "1.0");
        String text = CommonFiles.pyvenvCfg(Described.posixCPython(3, 12, 1, "/opt/py"), in, "/opt/py/bin",
                "/opt/py/bin/python3.12").render();
        assertEquals(" it's (here) ", PyvenvCfg.parse(text).get("prompt"));
        assertEquals("plain", PyvenvCfg.parse("prompt = plain\n").get("prompt"));
    }
}
