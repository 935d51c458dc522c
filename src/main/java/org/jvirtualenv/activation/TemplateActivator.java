package org.jvirtualenv.activation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.jvirtualenv.activation.quoting.Quoter;

/**
 * An activator made of templates rendered with one quoter. Every file is rendered before any is
 * written, so a refused value leaves no half-written activator behind.
 */
public final class TemplateActivator implements Activator {
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final String name;
    private final String displayName;
    private final Quoter quoter;
    private final Predicate<ActivationContext> supports;
    private final List<ScriptFile> files;

    public TemplateActivator(String name, String displayName, Quoter quoter,
                             Predicate<ActivationContext> supports, List<ScriptFile> files) {
        this.name = name;
        this.displayName = displayName;
        this.quoter = quoter;
        this.supports = supports;
        this.files = List.copyOf(files);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    @Override
    public boolean supports(ActivationContext context) {
        return supports.test(context);
    }

    public List<ScriptFile> files() {
        return files;
    }

    @Override
    public List<String> scriptNames() {
        return files.stream().map(ScriptFile::outputName).toList();
    }

    /** The file contents, keyed by output name, exactly as {@link #generate} writes them. */
    public Map<String, byte[]> render(ActivationContext context) {
        List<ScriptValue> values = ScriptValues.of(context);
        Map<String, byte[]> rendered = new LinkedHashMap<>();
        for (ScriptFile file : files) {
            String text = TemplateRenderer.render(
                    TemplateRenderer.load(file.template()), file.outputName(), quoter, values);
            rendered.put(file.outputName(), encode(text, file));
        }
        return rendered;
    }

    @Override
    public List<Path> generate(ActivationContext context) throws IOException {
        Map<String, byte[]> rendered = render(context);
        Path dir = context.binDir();
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : rendered.entrySet()) {
            Path target = dir.resolve(e.getKey());
            Files.write(target, e.getValue());
            written.add(target);
        }
        return written;
    }

    private static byte[] encode(String text, ScriptFile file) {
        String body = file.crlf() ? text.replace("\r\n", "\n").replace("\n", "\r\n") : text;
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (!file.bom()) {
            return bytes;
        }
        byte[] withBom = new byte[UTF8_BOM.length + bytes.length];
        System.arraycopy(UTF8_BOM, 0, withBom, 0, UTF8_BOM.length);
        System.arraycopy(bytes, 0, withBom, UTF8_BOM.length, bytes.length);
        return withBom;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
