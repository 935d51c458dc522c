package org.jvirtualenv.cli.completion;

import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a shell should offer for one option value or positional argument: a fixed set of words,
 * and/or the file system. Set on the command's option table as picocli's completion candidates,
 * so the completion scripts (and nothing else) are generated from the same table the parser uses.
 *
 * <p>picocli itself only sees the words (this is an {@code Iterable<String>}); {@link #paths()} is
 * what our script generators add on top. An option whose candidates are a plain iterable (an
 * enum's constants, a {@code List}) completes those words only.
 *
 * <p>The words are computed when first iterated, not when the table is built: the table is built
 * in every run of the tool, completion candidates are read only when scripts are generated.
 */
public final class Candidates implements Iterable<String> {
    /** Which file-system entries to offer besides the words. */
    public enum Paths { NONE, FILES, DIRECTORIES }

    /** Interpreter versions offered as {@code pythonX.Y} for {@code -p}; those the tool can create environments for. */
    private static final List<String> PYTHON_VERSIONS =
            List.of("3.13", "3.12", "3.11", "3.10", "3.9", "3.8", "3.7", "3.6", "2.7");

    private final Supplier<List<String>> words;
    private final Paths paths;

    private Candidates(Supplier<List<String>> words, Paths paths) {
        this.words = words;
        this.paths = paths;
    }

    /** A fixed set of words. */
    public static Candidates of(String... words) {
        List<String> list = List.of(words);
        return new Candidates(() -> list, Paths.NONE);
    }

    /** Words known only when asked for (e.g. a registry's names). */
    public static Candidates of(Supplier<List<String>> words) {
        return new Candidates(words, Paths.NONE);
    }

    /** Directory names. */
    public static Candidates directories() {
        return new Candidates(List::of, Paths.DIRECTORIES);
    }

    /** File names (directories too, to get to the files). */
    public static Candidates files() {
        return new Candidates(List::of, Paths.FILES);
    }

    /**
     * For {@code -p}: {@code python3}, {@code python3.X}, {@code python2.7}, {@code pypy3} and
     * file paths. Not what discovery would find: that runs interpreters, far too slow for a TAB.
     */
    public static Candidates interpreters() {
        return new Candidates(() -> {
            List<String> names = new java.util.ArrayList<>();
            names.add("python3");
            PYTHON_VERSIONS.forEach(v -> names.add("python" + v));
            names.add("pypy3");
            return List.copyOf(names);
        }, Paths.FILES);
    }

    public List<String> words() {
        return words.get();
    }

    public Paths paths() {
        return paths;
    }

    @Override
    public Iterator<String> iterator() {
        return words().iterator();
    }
}
