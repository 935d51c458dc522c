package org.jvirtualenv.build;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.jvirtualenv.util.VirtualenvException;
import org.jvirtualenv.cli.CommandModel;
import org.jvirtualenv.cli.Main;
import org.jvirtualenv.cli.completion.Completion;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Build step (prepare-package): writes what the release bundle carries besides the tool, all from
 * the option table the command parses with ({@link CommandModel#spec()}):
 * <ul>
 * <li>{@code share/...}: the bash, zsh and fish completion scripts where a prefix keeps them;</li>
 * <li>{@code adoc/picocli.adoc}: picocli's man page sections (synopsis, options, arguments),
 *     which {@code src/main/man/virtualenv.adoc} includes by tag;</li>
 * <li>{@code adoc/environment.adoc}: the {@code VIRTUALENV_*} variable of each option;</li>
 * <li>{@code adoc/attributes.adoc}: the version, and the exit codes from the constants the CLI returns;</li>
 * <li>{@code man-src/}: the man page's hand-written source, staged only when the page is older
 *     than it or than a generated part (see {@link #stageManSources}).</li>
 * </ul>
 * Usage: {@code GenerateBundleFiles OUTPUT_DIR VERSION MAN_SOURCE_DIR}.
 */
public final class GenerateBundleFiles {
    private GenerateBundleFiles() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        String version = args[1];
        Path manSources = Path.of(args[2]);
        CommandSpec spec = new CommandLine(CommandModel.spec()).getCommandSpec();
        for (Completion.Shell shell : Completion.Shell.values()) {
            write(out.resolve(shell.installPath()), Completion.script(shell, spec, version));
        }
        StringWriter manPage = new StringWriter();
        try (PrintWriter writer = new PrintWriter(manPage)) {
            ManPageGenerator.writeSingleManPage(writer, spec);
        }
        write(out.resolve("adoc/picocli.adoc"), manPage.toString());
        write(out.resolve("adoc/environment.adoc"), environment(spec));
        write(out.resolve("adoc/attributes.adoc"), String.join("\n",
                ":revnumber: " + version,
                ":exit-failed: " + VirtualenvException.FAILED,
                ":exit-usage: " + VirtualenvException.USAGE,
                ":exit-internal: " + Main.INTERNAL_ERROR, ""));
        stageManSources(manSources, out.resolve("adoc"), out.resolve("man-src"),
                out.resolve("share/man/man1/virtualenv.1"));
    }

    /**
     * Asciidoctor runs on JRuby, whose start costs seconds to tens of seconds of CPU on every
     * build. It converts what is in {@code staged}: the hand-written sources are copied there when
     * the page is missing or older than one of them or of the generated parts (which
     * {@link #write} leaves untouched when unchanged), and removed otherwise, so an unchanged man
     * page costs nothing.
     */
    static void stageManSources(Path sources, Path generated, Path staged, Path page) throws IOException {
        FileTime newest = FileTime.fromMillis(0);
        List<Path> inputs = new ArrayList<>();
        for (Path dir : List.of(sources, generated)) {
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(Files::isRegularFile).forEach(inputs::add);
            }
        }
        for (Path input : inputs) {
            FileTime modified = Files.getLastModifiedTime(input);
            newest = modified.compareTo(newest) > 0 ? modified : newest;
        }
        boolean current = Files.exists(page) && Files.getLastModifiedTime(page).compareTo(newest) > 0;
        if (Files.isDirectory(staged)) {
            try (Stream<Path> files = Files.list(staged)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
        }
        if (current) {
            Files.deleteIfExists(staged);
            return;
        }
        Files.createDirectories(staged);
        try (Stream<Path> files = Files.list(sources)) {
            for (Path source : files.filter(Files::isRegularFile).toList()) {
                Files.copy(source, staged.resolve(source.getFileName()));
            }
        }
    }

    /**
     * One entry per option that can be set (not help or version): its variables, one per long
     * name, e.g. {@code VIRTUALENV_NO_SEED} and {@code VIRTUALENV_WITHOUT_PIP} for --no-seed.
     */
    static String environment(CommandSpec spec) {
        StringBuilder list = new StringBuilder();
        for (OptionSpec option : spec.options()) {
            if (option.hidden() || option.usageHelp() || option.versionHelp()) {
                continue;
            }
            List<String> variables = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (String name : option.names()) {
                names.add("*" + name + "*");
                if (name.startsWith("--")) {
                    variables.add("*VIRTUALENV_" + name.substring(2).toUpperCase(Locale.ROOT).replace('-', '_') + "*");
                }
            }
            String kind = option.arity().max() == 0 ? "a boolean"
                    : option.isMultiValue() ? "a list" : "a value";
            list.append(String.join(", ", variables)).append("::\n  ")
                    .append(kind).append(" for ").append(String.join(", ", names)).append("\n\n");
        }
        return list.toString();
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        // Unchanged files keep their time stamp, so what depends on them need not be redone.
        if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
            return;
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
