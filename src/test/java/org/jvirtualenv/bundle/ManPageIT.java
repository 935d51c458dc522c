package org.jvirtualenv.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jvirtualenv.util.VirtualenvException;
import org.jvirtualenv.cli.CommandModel;
import org.jvirtualenv.cli.Main;
import org.jvirtualenv.testing.Bundle;
import org.jvirtualenv.testing.ProcessResult;
import org.jvirtualenv.testing.ProcessRunner;
import org.jvirtualenv.testing.Shells;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The man page of the release bundle, as {@code man -l} shows it: the sections a man page has,
 * and every option of the table the command parses with (read here, at test time).
 */
class ManPageIT {
    private static final List<String> SECTIONS = List.of("NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "ARGUMENTS",
            "ENVIRONMENT", "CONFIGURATION FILE", "FILES", "EXIT STATUS", "EXAMPLES", "SEE ALSO");

    @TempDir
    static Path tmp;

    private static List<String> page;

    @BeforeAll
    static void render() {
        assumeTrue(Shells.find("man").isPresent(), Shells.notInstalled("man", "apt-get install man-db"));
        assumeTrue(Shells.find("col").isPresent(), Shells.notInstalled("col", "apt-get install bsdextrautils"));
        Path file = Bundle.staged().resolve("share/man/man1/virtualenv.1");
        Map<String, String> env = Shells.cleanEnvironment(tmp);
        env.put("MANWIDTH", "100");
        // col -bx: no overstrikes for bold, spaces for tabs; man's own errors are kept apart on stderr.
        ProcessResult r = ProcessRunner.run(List.of("sh", "-c", "man -l \"$1\" | col -bx", "sh", file.toString()), env, tmp);
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals("", r.stderr(), "man or groff complained:\n" + r.stderr());
        page = r.stdout().lines().toList();
    }

    @Test
    void hasTheSectionsOfAManPageInOrder() {
        List<String> found = new ArrayList<>();
        for (String line : page) {
            if (SECTIONS.contains(line.strip()) && !line.startsWith(" ")) {
                found.add(line.strip());
            }
        }
        assertEquals(SECTIONS, found, String.join("\n", page));
        assertTrue(page.get(0).startsWith("VIRTUALENV(1)"), page.get(0));
    }

    @Test
    void optionsListEveryOptionOfTheTableAndNoHiddenOne() {
        String options = section("OPTIONS");
        for (OptionSpec option : CommandModel.spec().options()) {
            for (String name : option.names()) {
                Pattern shown = Pattern.compile("(^|[\\s,])" + Pattern.quote(name) + "($|[\\s,=])", Pattern.MULTILINE);
                assertEquals(!option.hidden(), shown.matcher(options).find(), name + " in OPTIONS:\n" + options);
            }
        }
    }

    @Test
    void environmentNamesTheVariableOfEveryOption() {
        String environment = section("ENVIRONMENT");
        for (OptionSpec option : CommandModel.spec().options()) {
            if (option.hidden() || option.usageHelp() || option.versionHelp()) {
                continue;
            }
            String longest = option.longestName();
            String variable = "VIRTUALENV_" + longest.substring(2).toUpperCase().replace('-', '_');
            assertTrue(environment.contains(variable), variable + " in ENVIRONMENT");
        }
        for (String variable : List.of("VIRTUALENV_CONFIG_FILE", "XDG_CACHE_HOME", "JAVA_HOME", "JVIRTUALENV_NO_CDS")) {
            assertTrue(environment.contains(variable), variable + " in ENVIRONMENT");
        }
    }

    @Test
    void exitStatusHasTheCodesTheCliReturns() {
        String exit = section("EXIT STATUS");
        for (int code : new int[] {0, VirtualenvException.FAILED, VirtualenvException.USAGE, Main.INTERNAL_ERROR}) {
            assertTrue(Pattern.compile("^\\s+" + code + "$", Pattern.MULTILINE).matcher(exit).find(), code + " in\n" + exit);
        }
    }

    @Test
    void filesAndConfigurationAreDescribed() {
        String files = section("FILES");
        for (String part : List.of("~/.cache/jvirtualenv/", "images/", "py-info/", "cds/")) {
            assertTrue(files.contains(part), part + " in FILES:\n" + files);
        }
        String config = section("CONFIGURATION FILE");
        assertTrue(config.contains("~/.config/virtualenv/virtualenv.ini") && config.contains("[virtualenv]"), config);
    }

    @Test
    void noAttributeWasLeftUnresolved() {
        String text = String.join("\n", page);
        assertFalse(Pattern.compile("\\{[a-z][a-z-]*\\}").matcher(text).find(), text);
    }

    /** A section's text, from its heading to the next one. */
    private static String section(String name) {
        int start = page.indexOf(name);
        assertTrue(start >= 0, name + " missing");
        StringBuilder text = new StringBuilder();
        for (int i = start + 1; i < page.size() && (page.get(i).isEmpty() || page.get(i).startsWith(" ")); i++) {
            text.append(page.get(i)).append('\n');
        }
        return text.toString();
    }
}
