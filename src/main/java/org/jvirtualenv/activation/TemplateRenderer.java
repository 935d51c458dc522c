package org.jvirtualenv.activation;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jvirtualenv.util.VirtualenvException;
import org.jvirtualenv.activation.quoting.Quoter;
import org.jvirtualenv.activation.quoting.UnquotableValueException;
import org.jvirtualenv.util.Resources;

/**
 * Fills a template from {@code scripts-templates/} in one pass: each {@code __NAME__} token is
 * replaced by its value quoted once by the shell family's quoter. Quoted output is never scanned
 * again, so a value that happens to contain a placeholder name stays literal.
 */
public final class TemplateRenderer {
    /** Placeholders are upper case, so Python's {@code __file__} and friends are left alone. */
    public static final Pattern PLACEHOLDER = Pattern.compile("__[A-Z][A-Z0-9_]*[A-Z0-9]__");

    private TemplateRenderer() {
    }

    public static String load(String templateName) {
        return Resources.text("/scripts-templates/" + templateName);
    }

    /**
     * @param outputName file name used in the refusal message
     * @throws VirtualenvException when the quoter refuses a value the template uses
     */
    public static String render(String template, String outputName, Quoter quoter, List<ScriptValue> values) {
        Map<String, ScriptValue> byName = values.stream()
                .collect(Collectors.toMap(ScriptValue::placeholder, Function.identity()));
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 256);
        while (m.find()) {
            ScriptValue value = byName.get(m.group());
            if (value == null) {
                throw new IllegalStateException("no value for " + m.group() + " in " + outputName);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(quoteOrRefuse(quoter, value, outputName)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String quoteOrRefuse(Quoter quoter, ScriptValue value, String outputName) {
        try {
            return quoter.quote(value.raw());
        } catch (UnquotableValueException e) {
            throw new VirtualenvException(String.format(
                    "cannot write %s: %s in %s; use --activators to leave it out",
                    outputName, e.getMessage(), value.description()));
        }
    }
}
