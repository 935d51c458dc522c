package org.jvirtualenv.config;

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
 * <p>The table is built in every run of the tool, the candidates are read only when scripts are
 * generated: fixed lists are plain constants (no lambda to link per run), and a list that needs
 * other classes loaded (a registry's names) is given as a supplier and computed when read.
 */
public final class Candidates implements Iterable<String> {
    /** Which file-system entries to offer besides the words. */
    public enum Paths { NONE, FILES, DIRECTORIES }

    /**
     * Offered for {@code -p}: commands of the versions the tool creates environments for. Not
     * what discovery would find: that runs interpreters, far too slow for a TAB press.
     */
    private static final List<String> INTERPRETERS = List.of("python3", "python3.13", "python3.12", "python3.11",
            "python3.10", "python3.9", "python3.8", "python3.7", "python3.6", "python2.7", "pypy3");

    private final List<String> words;
    private final Supplier<List<String>> lazyWords;
    private final Paths paths;

    private Candidates(List<String> words, Supplier<List<String>> lazyWords, Paths paths) {
        this.words = words;
        this.lazyWords = lazyWords;
        this.paths = paths;
    }

    /** A fixed set of words. */
    public static Candidates of(String... words) {
        return new Candidates(List.of(words), null, Paths.NONE);
    }

    /** Words known only when asked for (e.g. a registry's names). */
    public static Candidates of(Supplier<List<String>> words) {
        return new Candidates(null, words, Paths.NONE);
    }

    /** Directory names. */
    public static Candidates directories() {
        return new Candidates(List.of(), null, Paths.DIRECTORIES);
    }

    /** File names (directories too, to get to the files). */
    public static Candidates files() {
        return new Candidates(List.of(), null, Paths.FILES);
    }

    /** For {@code -p}: {@code python3}, {@code python3.X}, {@code python2.7}, {@code pypy3}, and file paths. */
    public static Candidates interpreters() {
        return new Candidates(INTERPRETERS, null, Paths.FILES);
    }

    public List<String> words() {
        return words != null ? words : List.copyOf(lazyWords.get());
    }

    public Paths paths() {
        return paths;
    }

    @Override
    public Iterator<String> iterator() {
        return words().iterator();
    }
}
