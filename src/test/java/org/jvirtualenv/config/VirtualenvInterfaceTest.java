package org.jvirtualenv.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Our option table against virtualenv 21.14.1's {@code --help}, kept as a fixture
 * ({@code virtualenv-21.14.1-help.txt}): every option and alias it prints must be ours too, so a
 * CI step written for virtualenv does not stop at "Unknown option".
 */
class VirtualenvInterfaceTest {
    private static final Pattern OPTION = Pattern.compile("(?<=^|[\\s\\[,])(--?[a-z][a-z-]*)");

    static List<String> referenceOptions() throws IOException {
        String help;
        try (InputStream in = VirtualenvInterfaceTest.class.getResourceAsStream("virtualenv-21.14.1-help.txt")) {
            help = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        TreeSet<String> names = new TreeSet<>();
        // Only the usage block and the option column: descriptions mention no options we must have.
        for (String line : help.split("\n")) {
            if (line.startsWith("config file")) {
                break;
            }
            String column = line.startsWith("usage:") || line.startsWith("        ") ? line
                    : line.strip().split("  ", 2)[0];
            Matcher m = OPTION.matcher(column);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return new ArrayList<>(names);
    }

    @Test
    void everyOptionOfVirtualenv21IsOurs() throws IOException {
        List<String> reference = referenceOptions();
        assertTrue(reference.size() >= 40, "the fixture was read: " + reference);
        CommandSpec spec = Options.spec(ConfigSources.of(Map.of()));
        List<String> missing = new ArrayList<>();
        for (String name : reference) {
            if (spec.findOption(name) == null) {
                missing.add(name);
            }
        }
        assertEquals(List.of(), missing, "options of virtualenv 21.14.1 we do not accept");
        // Hidden in virtualenv 21 (they warn there), still accepted by both.
        assertTrue(spec.findOption("--wheel") != null && spec.findOption("--no-wheel") != null);
    }
}
