package org.jvirtualenv.cli.completion;

import org.jvirtualenv.config.Candidates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jvirtualenv.cli.CommandModel;
import org.jvirtualenv.cli.completion.CompletionModel.Arg;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** What the three script generators are given, read from picocli tables. */
class CompletionModelTest {
    private static Arg option(CompletionModel model, String name) {
        return model.options().stream().filter(o -> o.names().contains(name)).findFirst().orElseThrow();
    }

    @Test
    void summaryIsTheFirstClauseOutsideParentheses() {
        assertEquals("interpreter to create the environment from",
                CompletionModel.summary(new String[] {"interpreter to create the environment from: a path; or a spec"}));
        assertEquals("a folder of wheels (repeatable; missing folders are ignored)",
                CompletionModel.summary(new String[] {"a folder of wheels (repeatable; missing folders are ignored)"}));
        assertEquals("two lines joined", CompletionModel.summary(new String[] {"two lines", " joined"}));
    }

    @Test
    void theCommandsTableGivesValuesPathsListsAndExclusions() {
        CompletionModel model = CompletionModel.of(CommandModel.spec());
        assertEquals("virtualenv", model.command());
        assertEquals(List.of("app-data", "pip"), option(model, "--seeder").words());
        Arg python = option(model, "--python");
        assertEquals(List.of("-p", "--python"), python.names());
        assertTrue(python.words().contains("python3.12") && python.repeatable(), python.toString());
        assertEquals(Candidates.Paths.FILES, python.paths());
        assertEquals(Candidates.Paths.DIRECTORIES, option(model, "--extra-search-dir").paths());
        assertEquals(",", option(model, "--activators").separator());
        assertTrue(option(model, "--activators").words().containsAll(List.of("bash", "fish", "nushell")));
        // An exclusive group: each of its options excludes the others and itself.
        assertEquals(List.of("--copies", "--always-copy", "--symlinks"), option(model, "--copies").excludes());
        assertTrue(option(model, "--help").endsCommand());
        assertEquals(Candidates.Paths.DIRECTORIES, model.positionals().get(0).paths());
        assertEquals("DEST", model.positionals().get(0).label());
        assertTrue(model.options().stream().noneMatch(o -> o.names().contains("--generate-completion")), "hidden");
    }

    @Test
    void aCandidateNoScriptCouldHoldUnquotedFailsTheGeneration() {
        CommandSpec spec = CommandSpec.create().name("tool");
        spec.addOption(OptionSpec.builder("--mode").type(String.class)
                .completionCandidates(Candidates.of("fast", "very slow")).build());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CompletionModel.of(spec));
        assertTrue(e.getMessage().contains("'very slow' of --mode"), e.getMessage());
    }

    @Test
    void plainIterablesAreWordsOnly() {
        CommandSpec spec = CommandSpec.create().name("tool");
        spec.addOption(OptionSpec.builder("--mode").type(String.class).completionCandidates(List.of("a", "b")).build());
        Arg mode = option(CompletionModel.of(spec), "--mode");
        assertEquals(List.of("a", "b"), mode.words());
        assertEquals(Candidates.Paths.NONE, mode.paths());
    }
}
