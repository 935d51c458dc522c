package org.jvirtualenv.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** The command line rewritten as argparse, virtualenv 21's parser, reads it. */
class SpellingsTest {
    private final CommandSpec spec = new CommandLine(Options.spec(ConfigSources.none())).getCommandSpec();

    private String[] normalize(String... args) {
        return Spellings.normalize(spec, args);
    }

    @Test
    void aPrefixOfOneOptionIsThatOption() {
        assertArrayEquals(new String[] {"--system-site-packages", "--prompt=x y", "--prompt", "--activators", "bash", "env"},
                normalize("--sys", "--prom=x y", "--pro", "--act", "bash", "env"));
        assertArrayEquals(new String[] {"--never-download", "--no-vcs-ignore"}, normalize("--never", "--no-vcs"));
    }

    @Test
    void aPrefixOfSeveralOptionsIsRefusedNamingThem() {
        CommandLine.ParameterException e = assertThrows(CommandLine.ParameterException.class, () -> normalize("--no-se", "env"));
        assertEquals("ambiguous option: --no-se could match --no-seed, --no-setuptools", e.getMessage());
        assertThrows(CommandLine.ParameterException.class, () -> normalize("--re=x"));
    }

    @Test
    void aFlagOfAnExclusivePairCountsOnceHoweverSpelled() {
        assertArrayEquals(new String[] {"--copies", "--no-download", "env"},
                normalize("--copies", "--always-copy", "--cop", "--no-download", "--never-download", "env"));
        // Two different flags of a pair stay, for picocli to refuse.
        assertArrayEquals(new String[] {"--copies", "--symlinks"}, normalize("--cop", "--symlinks"));
    }

    @Test
    void unknownOptionsShortOnesAndAllAfterTheDoubleDashStayAsTheyAre() {
        assertArrayEquals(new String[] {"--bogus", "-p", "3.12", "-vv", "--", "--sys", "--cop"},
                normalize("--bogus", "-p", "3.12", "-vv", "--", "--sys", "--cop"));
    }

    /**
     * The launcher reads --app-data and --read-only-app-data before Java starts, to find (and not
     * write) the class-data archive; it must take the same prefixes as these options.
     */
    @Test
    void theLaunchersPrefixesAreTheShortestThatStandForItsTwoOptions() throws IOException {
        assertEquals("--ap", Spellings.shortestPrefix(spec, "--app-data"));
        assertEquals("--rea", Spellings.shortestPrefix(spec, "--read-only-app-data"));
        String launcher = Files.readString(Path.of("src/main/launcher/launcher.sh"));
        assertTrue(launcher.contains("case $prev in --ap*) case --app-data in \"$prev\"*)"), "launcher.sh: --app-data");
        assertTrue(launcher.contains("--rea*) case --read-only-app-data in \"$arg\"*) WRITE="), "launcher.sh: --read-only-app-data");
    }
}
