package org.jvirtualenv.cli.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jvirtualenv.cli.CommandModel;
import org.jvirtualenv.cli.completion.Completion.Shell;
import org.jvirtualenv.testing.ProcessResult;
import org.jvirtualenv.testing.ProcessRunner;
import org.jvirtualenv.testing.Shells;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The generated completion scripts, loaded into the real bash, zsh and fish, asked what they
 * offer for a partly typed command line. bash: its completion function is called as readline
 * would call it (COMP_WORDS, COMP_CWORD). zsh: an interactive zsh with compinit runs in a
 * pseudo-terminal (zsh/zpty) and TAB is pressed; every match it adds is recorded. fish:
 * {@code complete -C LINE}. A shell that is not installed skips its cases and says so.
 */
class CompletionShellsTest {
    @TempDir
    static Path tmp;

    /** An installation prefix holding the three scripts where the release bundle puts them. */
    private static Path prefix;
    /** The directory completions run in: two directories, two files. */
    private static Path work;
    private static Path home;
    private static CommandSpec spec;

    @BeforeAll
    static void generateScripts() throws IOException {
        spec = CommandModel.spec();
        prefix = tmp.resolve("prefix");
        for (Shell shell : Shell.values()) {
            Path script = prefix.resolve(shell.installPath());
            Files.createDirectories(script.getParent());
            Files.writeString(script, Completion.script(shell, spec, "test"));
        }
        work = tmp.resolve("work");
        Files.createDirectories(work.resolve("my dir"));
        Files.createDirectories(work.resolve("sub"));
        Files.writeString(work.resolve("afile"), "");
        Files.writeString(work.resolve("my python"), "");
        home = tmp.resolve("home");
        Files.createDirectories(home);
    }

    @ParameterizedTest
    @EnumSource(Shell.class)
    void completesAnOptionName(Shell shell) {
        assertEquals(List.of("--system-site-packages"), offers(shell, "virtualenv --sys"));
    }

    @ParameterizedTest
    @EnumSource(Shell.class)
    void offersTheSeedersAfterSeeder(Shell shell) {
        assertEquals(Set.of("app-data", "pip"), Set.copyOf(offers(shell, "virtualenv --seeder ")));
        assertEquals(Set.of("app-data", "pip"), Set.copyOf(offers(shell, "virtualenv --seeder=")));
    }

    @ParameterizedTest
    @EnumSource(Shell.class)
    void offersEveryVisibleOptionOfTheTable(Shell shell) {
        List<String> offered = offers(shell, "virtualenv --");
        for (OptionSpec option : spec.options()) {
            for (String name : option.names()) {
                if (name.startsWith("--")) {
                    assertEquals(!option.hidden(), offered.contains(name), name + " offered: " + offered);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Shell.class)
    void pythonOffersInterpreterNamesAndFiles(Shell shell) {
        List<String> names = offers(shell, "virtualenv -p py");
        assertTrue(names.containsAll(List.of("python3", "python3.13", "python3.6", "python2.7", "pypy3")), names.toString());
        assertEquals(List.of("my python"), offers(shell, "virtualenv --python my\\ p"));
    }

    @ParameterizedTest
    @EnumSource(Shell.class)
    void destinationAndExtraSearchDirOfferDirectoriesOnly(Shell shell) {
        assertEquals(Set.of("my dir", "sub"), Set.copyOf(offers(shell, "virtualenv ")));
        assertEquals(Set.of("my dir", "sub"), Set.copyOf(offers(shell, "virtualenv --extra-search-dir ")));
        assertEquals(List.of(), offers(shell, "virtualenv --clear af"));
    }

    @ParameterizedTest
    @EnumSource(Shell.class)
    void activatorsCompleteTheElementAfterAComma(Shell shell) {
        // bash and fish offer the whole word, zsh the element.
        List<String> offered = offers(shell, "virtualenv --activators bash,f").stream()
                .map(word -> word.substring(word.lastIndexOf(',') + 1)).toList();
        assertEquals(List.of("fish"), offered);
    }

    @ParameterizedTest
    @EnumSource(Shell.class)
    void freeTextValuesOfferNothing(Shell shell) {
        assertEquals(List.of(), offers(shell, "virtualenv --prompt "));
    }

    /** What the shell offers for LINE (typed in {@link #work}), file names without quoting or a trailing slash. */
    private static List<String> offers(Shell shell, String line) {
        List<String> raw = switch (shell) {
            case BASH -> bash(line);
            case ZSH -> zsh(line);
            case FISH -> fish(line);
        };
        // fish repeats "--seeder=" before each value.
        String lastWord = line.substring(line.lastIndexOf(' ') + 1);
        String attached = lastWord.startsWith("--") && lastWord.contains("=")
                ? lastWord.substring(0, lastWord.indexOf('=') + 1) : null;
        Set<String> offered = new LinkedHashSet<>();
        for (String word : raw) {
            String plain = word.replace("\\", "");
            if (attached != null && plain.startsWith(attached)) {
                plain = plain.substring(attached.length());
            }
            offered.add(plain.length() > 1 && plain.endsWith("/") ? plain.substring(0, plain.length() - 1) : plain);
        }
        return List.copyOf(offered);
    }

    /**
     * Calls the function the script registered for virtualenv with the words readline would pass:
     * split at blanks (an escaped blank stays in its word) and around '='.
     */
    private static List<String> bash(String line) {
        Path bash = installed("bash");
        List<String> command = new ArrayList<>(List.of(bash.toString(), "--norc", "--noprofile", "-c",
                "source \"$1\"; shift\n"
                        + "function=$(complete -p virtualenv); function=${function#*-F }; function=${function%% *}\n"
                        + "COMP_WORDS=(\"$@\"); COMP_CWORD=$(( $# - 1 ))\n"
                        + "\"$function\" virtualenv \"${COMP_WORDS[COMP_CWORD]}\" \"${COMP_WORDS[COMP_CWORD-1]}\"\n"
                        + "printf '%s\\n' \"${COMPREPLY[@]}\"",
                "bash", prefix.resolve(Shell.BASH.installPath()).toString()));
        command.addAll(readlineWords(line));
        return lines(run(command, Shells.cleanEnvironment(home)).stdout());
    }

    private static List<String> readlineWords(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(++i));
            } else if (c == ' ') {
                words.add(word.toString());
                word.setLength(0);
            } else if (c == '=') {
                words.add(word.toString());
                words.add("=");
                word.setLength(0);
            } else {
                word.append(c);
            }
        }
        words.add(word.toString());
        return words;
    }

    /** Types LINE and TAB into an interactive zsh with compinit and _virtualenv on $fpath. */
    private static List<String> zsh(String line) {
        Path zsh = installed("zsh");
        Path probe = tmp.resolve("zsh-probe");
        try {
            Files.createDirectories(probe.resolve("functions"));
            Files.copy(prefix.resolve(Shell.ZSH.installPath()), probe.resolve("functions/_virtualenv"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(probe.resolve(".zshrc"), resource("zshrc"));
            Files.writeString(probe.resolve("complete.zsh"), resource("complete.zsh"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> env = Shells.cleanEnvironment(home);
        env.put("PROBE", probe.toString());
        env.put("ZDOTDIR", probe.toString());
        ProcessResult r = run(List.of(zsh.toString(), "-f", probe.resolve("complete.zsh").toString(), line), env);
        List<String> report = lines(r.stdout());
        assertTrue(report.contains("end"), "zsh did not report back:\n" + r.describe());
        List<String> matches = new ArrayList<>();
        for (String entry : report) {
            if (entry.startsWith("match: ")) {
                matches.add(entry.substring("match: ".length()));
            }
        }
        return matches;
    }

    private static List<String> fish(String line) {
        Path fish = installed("fish");
        ProcessResult r = run(List.of(fish.toString(), "--no-config", "-c", "source $argv[1]; complete -C $argv[2]",
                prefix.resolve(Shell.FISH.installPath()).toString(), line), Shells.cleanEnvironment(home));
        List<String> words = new ArrayList<>();
        for (String entry : lines(r.stdout())) {
            int tab = entry.indexOf('\t');
            words.add(tab < 0 ? entry : entry.substring(0, tab));
        }
        return words;
    }

    private static Path installed(String shell) {
        var found = Shells.find(shell);
        assumeTrue(found.isPresent(), Shells.notInstalled(shell, "apt-get install " + shell));
        return found.get();
    }

    private static ProcessResult run(List<String> command, Map<String, String> env) {
        ProcessResult r = ProcessRunner.run(command, env, work, null, Duration.ofSeconds(30));
        assertEquals(0, r.exitCode(), r.describe());
        assertFalse(r.stderr().contains("rror"), r.describe());
        return r;
    }

    private static List<String> lines(String text) {
        return text.lines().filter(l -> !l.isEmpty()).toList();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = CompletionShellsTest.class.getResourceAsStream("/completion/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
