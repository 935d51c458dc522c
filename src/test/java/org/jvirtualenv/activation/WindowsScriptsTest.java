package org.jvirtualenv.activation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PowerShell and cmd cannot run here, so their scripts are pinned by golden files (reviewed by
 * hand) and checked for the properties those shells depend on. To refresh a golden after an
 * intended change, run with -Djvirtualenv.updateGoldens=true and review the diff.
 */
class WindowsScriptsTest {
    /** Spaces, a percent sign, quotes of each PowerShell kind and non-ASCII in one name. */
    static final ActivationContext CONTEXT = new ActivationContext(Path.of("/opt/envs/my env"), "Scripts", "Lib",
            "it's 50% \u2019ok\u2019 & caf\u00e9 $HOME", true, List.of("Lib/site-packages"), "3.12", false);
    /** The same environment made with --relocatable. */
    static final ActivationContext RELOCATABLE = new ActivationContext(CONTEXT.envDir(), CONTEXT.binDirName(),
            CONTEXT.libDirName(), CONTEXT.prompt(), true, CONTEXT.sitePackages(), CONTEXT.pythonVersion(), true);

    private static Map<String, byte[]> render(String activator) {
        return render(activator, CONTEXT);
    }

    private static Map<String, byte[]> render(String activator, ActivationContext context) {
        return ((TemplateActivator) Activators.select(List.of(activator)).get(0)).render(context);
    }

    @ParameterizedTest
    @ValueSource(strings = {"powershell:activate.ps1", "batch:activate.bat", "batch:deactivate.bat"})
    void matchesGolden(String spec) throws IOException {
        checkGolden(spec, CONTEXT, "golden");
    }

    @ParameterizedTest
    @ValueSource(strings = {"powershell:activate.ps1", "batch:activate.bat", "batch:deactivate.bat"})
    void matchesRelocatableGolden(String spec) throws IOException {
        checkGolden(spec, RELOCATABLE, "golden/relocatable");
    }

    /** activate.ps1 always finds the environment from its own path, whatever the mode. */
    @Test
    void powershellIsTheSameInBothModes() {
        assertArrayEquals(render("powershell").get("activate.ps1"),
                render("powershell", RELOCATABLE).get("activate.ps1"));
    }

    @Test
    void relocatableBatchLooksNextToItselfBeforeTheRecordedPath() {
        String bat = new String(render("batch", RELOCATABLE).get("activate.bat"), StandardCharsets.UTF_8);
        String recorded = "for %%v in (\"/opt/envs/my env\") do set \"VIRTUAL_ENV=%%~v\"\r\n";
        String derived = "for %%d in (\"%~dp0..\") do if exist \"%%~fd\\pyvenv.cfg\" set \"VIRTUAL_ENV=%%~fd\"";
        assertTrue(bat.contains(recorded), bat);
        assertTrue(bat.indexOf(derived) > bat.indexOf(recorded), "derived after the fallback: " + bat);
        assertTrue(bat.contains("for %%v in (\"1\") do set \"_VENV_RELOCATABLE=%%~v\"\r\n"), bat);
        String plain = new String(render("batch").get("activate.bat"), StandardCharsets.UTF_8);
        assertTrue(plain.contains("for %%v in (\"\") do set \"_VENV_RELOCATABLE=%%~v\"\r\n"), plain);
    }

    private void checkGolden(String spec, ActivationContext context, String dir) throws IOException {
        String[] parts = spec.split(":");
        byte[] actual = render(parts[0], context).get(parts[1]);
        Path source = Path.of("src/test/resources", dir, parts[1]);
        if (Boolean.getBoolean("jvirtualenv.updateGoldens")) {
            Files.createDirectories(source.getParent());
            Files.write(source, actual);
        }
        try (InputStream in = getClass().getResourceAsStream("/" + dir + "/" + parts[1])) {
            assertNotNull(in, "missing golden " + source + ": run with -Djvirtualenv.updateGoldens=true");
            byte[] golden = in.readAllBytes();
            assertEquals(new String(golden, StandardCharsets.UTF_8), new String(actual, StandardCharsets.UTF_8));
            assertArrayEquals(golden, actual);
        }
    }

    /** Windows keeps pkg-config files in Lib\\pkgconfig and separates entries with ';'. */
    @Test
    void pkgConfigPathStartsWithTheEnvironmentsLibPkgconfigAndIsPutBack() {
        String bat = new String(render("batch").get("activate.bat"), StandardCharsets.UTF_8);
        assertTrue(bat.contains("for %%v in (\"Lib\") do set \"_VENV_LIB_NAME=%%~v\"\r\n"), bat);
        assertTrue(bat.contains("if defined PKG_CONFIG_PATH set \"PKG_CONFIG_PATH="
                + "%VIRTUAL_ENV%\\%_VENV_LIB_NAME%\\pkgconfig;%PKG_CONFIG_PATH%\"\r\n"), bat);
        assertTrue(bat.indexOf("set \"_OLD_VIRTUAL_PKG_CONFIG_PATH=%PKG_CONFIG_PATH%\"")
                < bat.indexOf("if defined PKG_CONFIG_PATH set"), "saved before it is changed: " + bat);
        String deactivate = new String(render("batch").get("deactivate.bat"), StandardCharsets.UTF_8);
        assertTrue(deactivate.contains("set \"PKG_CONFIG_PATH=%_OLD_VIRTUAL_PKG_CONFIG_PATH%\""), deactivate);
        assertTrue(deactivate.contains("set PKG_CONFIG_PATH=\r\n"), "unset again when it was unset: " + deactivate);
        String ps1 = new String(render("powershell").get("activate.ps1"), StandardCharsets.UTF_8);
        assertTrue(ps1.contains("(Join-Path -Path $VenvDir -ChildPath 'Lib') -ChildPath 'pkgconfig'"), ps1);
        assertTrue(ps1.contains("$PkgConfigDir + [System.IO.Path]::PathSeparator + $env:PKG_CONFIG_PATH"), ps1);
    }

    @Test
    void powershellStartsWithAUtf8ByteOrderMarkAndHasNoOtherBom() {
        byte[] ps1 = render("powershell").get("activate.ps1");
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(ps1, 3));
        assertFalse(new String(ps1, 3, ps1.length - 3, StandardCharsets.UTF_8).contains("\uFEFF"));
    }

    @Test
    void powershellHoldsThePromptAsOneSingleQuotedLiteral() {
        String ps1 = new String(render("powershell").get("activate.ps1"), StandardCharsets.UTF_8);
        assertTrue(ps1.contains("$Prompt = 'it''s 50% \u2019\u2019ok\u2019\u2019 & caf\u00e9 $HOME'\n"), ps1);
        assertTrue(ps1.contains("function global:deactivate ([switch] $NonDestructive)"), ps1);
        assertTrue(ps1.contains("$MyInvocation.MyCommand.Definition"), ps1);
        assertBalanced(ps1);
    }

    /** A cheap parse check: braces and parentheses balance outside strings and comments. */
    private static void assertBalanced(String ps1) {
        int braces = 0;
        int parens = 0;
        boolean inComment = false;
        char quote = 0;
        for (int i = 0; i < ps1.length(); i++) {
            char c = ps1.charAt(i);
            if (inComment) {
                if (ps1.startsWith("#>", i)) {
                    inComment = false;
                    i++;
                }
            } else if (quote != 0) {
                if (c == quote && quote == '\'' && i + 1 < ps1.length() && ps1.charAt(i + 1) == '\'') {
                    i++;
                } else if (c == '`' && quote == '"') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (ps1.startsWith("<#", i)) {
                inComment = true;
            } else if (c == '#') {
                i = ps1.indexOf('\n', i);
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '{') {
                braces++;
            } else if (c == '}') {
                braces--;
            } else if (c == '(') {
                parens++;
            } else if (c == ')') {
                parens--;
            }
            assertTrue(braces >= 0 && parens >= 0, "closing bracket without opening near " + i);
        }
        assertEquals(0, quote, "unterminated string");
        assertEquals(0, braces, "unbalanced braces");
        assertEquals(0, parens, "unbalanced parentheses");
    }

    @ParameterizedTest
    @ValueSource(strings = {"activate.bat", "deactivate.bat"})
    void batchFilesUseCrlfOnly(String name) {
        byte[] bat = render("batch").get(name);
        for (int i = 0; i < bat.length; i++) {
            if (bat[i] == '\n') {
                assertTrue(i > 0 && bat[i - 1] == '\r', "bare LF at byte " + i);
            }
        }
        assertTrue(new String(bat, StandardCharsets.UTF_8).endsWith("\r\n"));
    }

    @Test
    void batchDoublesPercentAndAssignsThroughTheQuoteStrippingForm() {
        String bat = new String(render("batch").get("activate.bat"), StandardCharsets.UTF_8);
        assertTrue(bat.contains("for %%v in (\"it's 50%% \u2019ok\u2019 & caf\u00e9 $HOME\") do set \"VIRTUAL_ENV_PROMPT=%%~v\"\r\n"), bat);
        assertTrue(bat.contains("for %%v in (\"/opt/envs/my env\") do set \"VIRTUAL_ENV=%%~v\"\r\n"), bat);
        assertTrue(bat.contains("_OLD_VIRTUAL_PROMPT") && bat.contains("_OLD_VIRTUAL_PATH")
                && bat.contains("_OLD_VIRTUAL_PYTHONHOME"), bat);
    }
}
