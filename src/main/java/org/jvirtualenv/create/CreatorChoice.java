package org.jvirtualenv.create;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The value of {@code --creator}: which creator makes the environment. {@link #BUILTIN} picks our
 * native creator for the target, {@link #VENV} hands the work to the target's own {@code venv}
 * module, and the other values name one native creator (which then must fit the target, see
 * {@link Creators#forChoice}).
 */
public enum CreatorChoice {
    BUILTIN("builtin"),
    VENV("venv"),
    CPYTHON3_POSIX("cpython3-posix"),
    CPYTHON2_POSIX("cpython2-posix"),
    PYPY3_POSIX("pypy3-posix"),
    CPYTHON3_WIN("cpython3-win");

    private final String text;

    CreatorChoice(String text) {
        this.text = text;
    }

    /** The name users write ("builtin", "cpython3-posix", ...). */
    public String text() {
        return text;
    }

    /** Whether this names one of our native creators rather than a way of choosing one. */
    public boolean concrete() {
        return this != BUILTIN && this != VENV;
    }

    @Override
    public String toString() {
        return text;
    }

    /** Every accepted name, in the order --help lists them. */
    public static List<String> names() {
        // A loop, not a stream: this runs in every start, while the option table is built.
        List<String> names = new ArrayList<>();
        for (CreatorChoice choice : values()) {
            names.add(choice.text);
        }
        return List.copyOf(names);
    }

    /**
     * Reads a name as a user wrote it (surrounding blanks and letter case do not matter).
     *
     * @throws IllegalArgumentException naming what is allowed, for any other text
     */
    public static CreatorChoice parse(String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (CreatorChoice choice : values()) {
            if (choice.text.equals(wanted)) {
                return choice;
            }
        }
        throw new IllegalArgumentException("expected " + Creators.joinChoices(names()));
    }
}
