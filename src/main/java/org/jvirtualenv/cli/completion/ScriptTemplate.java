package org.jvirtualenv.cli.completion;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jvirtualenv.util.Resources;

/**
 * A completion script's fixed text, in {@code scripts-templates/completion/}, with
 * {@code __NAME__} placeholders for the parts generated from the option table. Values are code
 * the generators built (and quoted) themselves; they are inserted as they are.
 */
final class ScriptTemplate {
    private static final Pattern PLACEHOLDER = Pattern.compile("__[A-Z][A-Z0-9_]*[A-Z0-9]__");

    private ScriptTemplate() {
    }

    /** @throws IllegalStateException for a placeholder without a value, or a value the template lacks */
    static String fill(String name, Map<String, String> values) {
        String template = Resources.text("/scripts-templates/completion/" + name);
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() * 2);
        Set<String> used = new HashSet<>();
        while (m.find()) {
            String value = values.get(m.group());
            if (value == null) {
                throw new IllegalStateException("no value for " + m.group() + " in completion template " + name);
            }
            used.add(m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        if (!used.equals(values.keySet())) {
            throw new IllegalStateException("completion template " + name + " lacks some of " + values.keySet());
        }
        return out.toString();
    }

    /** {@code 'text'} for sh, bash and zsh: every character literal. */
    static String shQuote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
