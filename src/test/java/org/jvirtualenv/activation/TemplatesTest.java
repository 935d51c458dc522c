package org.jvirtualenv.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Rules every template must keep, whatever the shell. */
class TemplatesTest {
    static Stream<ScriptFile> templates() {
        return Activators.all().stream()
                .flatMap(a -> ((TemplateActivator) a).files().stream());
    }

    /**
     * A placeholder inside the template's own quotes would be quoted twice (or in the wrong
     * context), which is how activator injections happened before. Quote state is tracked per
     * line, the way each of these languages reads a one-line statement.
     */
    @ParameterizedTest
    @MethodSource("templates")
    void placeholdersStandOutsideTheTemplatesQuotes(ScriptFile file) {
        String template = TemplateRenderer.load(file.template());
        List<String> problems = new ArrayList<>();
        String[] lines = template.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            Matcher m = TemplateRenderer.PLACEHOLDER.matcher(lines[n]);
            while (m.find()) {
                char open = quoteOpenAt(lines[n], m.start(), file.template());
                if (open != 0) {
                    problems.add(file.template() + ":" + (n + 1) + ": " + m.group() + " inside " + open + "quotes");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /** The quote character open at {@code index}, or 0. */
    private static char quoteOpenAt(String line, int index, String template) {
        boolean backslashEscapes = !template.endsWith(".bat") && !template.endsWith(".ps1");
        char open = 0;
        for (int i = 0; i < index; i++) {
            char c = line.charAt(i);
            if (c == '\\' && backslashEscapes && open != '\'') {
                i++;
            } else if (open == 0 && (c == '\'' || c == '"')) {
                open = c;
            } else if (c == open) {
                open = 0;
            }
        }
        return open;
    }

    @ParameterizedTest
    @MethodSource("templates")
    void everyPlaceholderHasAValueAndNoneIsLeftOver(ScriptFile file) {
        var context = new ActivationContext(Path.of("/opt/envs/e"), "bin", "lib", "e", false,
                List.of("lib/python3.12/site-packages"), "3.12", false);
        TemplateActivator activator = (TemplateActivator) Activators.all().stream()
                .filter(a -> ((TemplateActivator) a).files().contains(file)).findFirst().orElseThrow();
        String rendered = new String(activator.render(context).get(file.outputName()), StandardCharsets.UTF_8);
        assertFalse(TemplateRenderer.PLACEHOLDER.matcher(rendered).find(), rendered);
    }

    @Test
    void aValueThatLooksLikeAPlaceholderStaysLiteral() {
        var context = new ActivationContext(Path.of("/opt/__BIN_NAME__"), "bin", "lib", "__VIRTUAL_ENV__", false,
                List.of(), "3.12", false);
        Map<String, byte[]> rendered = ((TemplateActivator) Activators.select(List.of("bash")).get(0)).render(context);
        String text = new String(rendered.get("activate"), StandardCharsets.UTF_8);
        assertTrue(text.contains("VIRTUAL_ENV='/opt/__BIN_NAME__'\n"), text);
        assertTrue(text.contains("VIRTUAL_ENV_PROMPT='__VIRTUAL_ENV__'\n"), text);
    }
}
