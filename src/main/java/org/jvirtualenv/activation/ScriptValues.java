package org.jvirtualenv.activation;

import java.util.List;

/** The values every template may use; a template only gets quoted what it actually mentions. */
final class ScriptValues {
    private ScriptValues() {
    }

    static List<ScriptValue> of(ActivationContext ctx) {
        String pathSep = ctx.windows() ? ";" : ":";
        return List.of(
                new ScriptValue("__VIRTUAL_ENV__", ctx.envDir().toString(), "the environment path"),
                new ScriptValue("__VIRTUAL_PROMPT__", ctx.prompt(), "the prompt"),
                // tcsh reads %-sequences in its prompt (%n, %/): doubled, the name's own % signs are
                // drawn as written. csh takes them literally, so its template chooses at run time.
                new ScriptValue("__VIRTUAL_PROMPT_PERCENT_ESCAPED__", ctx.prompt().replace("%", "%%"),
                        "the prompt"),
                new ScriptValue("__BIN_NAME__", ctx.binDirName(), "the scripts directory name"),
                new ScriptValue("__LIB_NAME__", ctx.libDirName(), "the library directory name"),
                new ScriptValue("__PATH_SEP__", pathSep, "the PATH separator"),
                // Relative, '/'-separated dirs joined by the target's os.pathsep, which is how
                // activate_this.py splits them again.
                new ScriptValue("__SITE_PACKAGES__", String.join(pathSep, ctx.sitePackages()),
                        "the site-packages list"),
                // A flag the script tests at run time ("1" or empty), quoted like any value, so
                // the mode needs no template syntax of its own: with --relocatable the script
                // looks for the environment next to itself and keeps __VIRTUAL_ENV__ as fallback.
                new ScriptValue("__RELOCATABLE__", ctx.relocatable() ? "1" : "", "the relocatable flag"));
    }
}
