package bare;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A lower bound for case (b): the files a `--no-seed` creation leaves, written by the plainest
 * Java there is, and nothing else. No options, configuration, interpreter discovery or cache, no
 * locks, checks or clean-up on failure: the interpreter's facts come from the command line, and
 * the activators are the project's templates with their placeholders replaced, read from this
 * program's own jar, as the tool reads them from its. If this program alone is near (b)'s
 * target, the JVM's start leaves the tool nothing for the work that makes it correct.
 *
 * <p>usage (run by bench/benchmark.sh, which builds the jar with the templates under
 * bare/templates/ and gives it a class-data archive like the floor's):
 * java -jar bare.jar INTERPRETER VERSION ENV
 */
public final class BareNoSeed {
    private static final String[] ACTIVATORS = {
        "activate", "activate.csh", "activate.fish", "activate.nu", "activate.ps1", "activate.xsh", "activate_this.py",
    };

    private BareNoSeed() {
    }

    public static void main(String[] args) throws IOException {
        File interpreter = new File(args[0]);
        String version = args[1];
        File env = new File(args[2]).getAbsoluteFile();
        String majorMinor = version.substring(0, version.lastIndexOf('.'));
        String home = interpreter.getParent();

        File bin = new File(env, "bin");
        File sitePackages = new File(env, "lib/python" + majorMinor + "/site-packages");
        if (!bin.mkdirs() || !sitePackages.mkdirs() || !new File(env, "include").mkdir()) {
            throw new IOException("cannot make the folders of " + env);
        }
        Path root = env.toPath();
        Files.createSymbolicLink(root.resolve("lib64"), Path.of("lib"));
        Files.createSymbolicLink(root.resolve("bin/python"), interpreter.toPath());
        Files.createSymbolicLink(root.resolve("bin/python3"), Path.of("python"));
        Files.createSymbolicLink(root.resolve("bin/python" + majorMinor), Path.of("python"));

        write(new File(env, "pyvenv.cfg"), "home = " + home + "\nimplementation = CPython\nversion_info = " + version
                + ".final.0\nversion = " + version + "\nexecutable = " + interpreter + "\ncommand = bare " + env
                + "\ninclude-system-site-packages = false\nbase-prefix = " + interpreter.getParentFile().getParent()
                + "\nbase-executable = " + interpreter + "\n");
        write(new File(env, ".gitignore"), "# created by the bare benchmark program\n*\n");
        write(new File(env, "CACHEDIR.TAG"), "Signature: 8a477f597d28d172789f06886806bc55\n");

        String name = env.getName();
        for (String activator : ACTIVATORS) {
            String text;
            try (InputStream in = BareNoSeed.class.getResourceAsStream("templates/" + activator)) {
                if (in == null) {
                    throw new IOException("no template " + activator + " in the jar");
                }
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            text = text.replace("__VIRTUAL_ENV__", env.getPath())
                    .replace("__VIRTUAL_PROMPT_PERCENT_ESCAPED__", name)
                    .replace("__VIRTUAL_PROMPT__", name)
                    .replace("__BIN_NAME__", "bin")
                    .replace("__LIB_NAME__", "lib")
                    .replace("__SITE_PACKAGES__", sitePackages.getPath())
                    .replace("__RELOCATABLE__", "");
            write(new File(bin, activator), text);
        }
    }

    private static void write(File file, String text) throws IOException {
        try (FileOutputStream out = new FileOutputStream(file)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
