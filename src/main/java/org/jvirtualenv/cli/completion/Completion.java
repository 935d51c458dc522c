package org.jvirtualenv.cli.completion;

import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;

/** Shell completion scripts for a command, generated from its picocli table. */
public final class Completion {
    /** The shells we write scripts for, and where each looks for them under an installation prefix. */
    public enum Shell {
        BASH("share/bash-completion/completions/virtualenv"),
        ZSH("share/zsh/site-functions/_virtualenv"),
        FISH("share/fish/vendor_completions.d/virtualenv.fish");

        private final String installPath;

        Shell(String installPath) {
            this.installPath = installPath;
        }

        /** Relative to an installation prefix (the release bundle's root). */
        public String installPath() {
            return installPath;
        }

        /** "bash" to BASH; null for a shell we have no script for. */
        public static Shell named(String name) {
            for (Shell shell : values()) {
                if (shell.displayName().equals(name)) {
                    return shell;
                }
            }
            return null;
        }

        public String displayName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private Completion() {
    }

    /**
     * @param version written into the script's header
     * @throws IllegalStateException when the table has a completion candidate no script could hold
     */
    public static String script(Shell shell, CommandSpec spec, String version) {
        CompletionModel model = CompletionModel.of(spec);
        return switch (shell) {
            case BASH -> BashCompletion.render(model, version);
            case ZSH -> ZshCompletion.render(model, version);
            case FISH -> FishCompletion.render(model, version);
        };
    }
}
