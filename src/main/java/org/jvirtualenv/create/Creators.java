package org.jvirtualenv.create;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jvirtualenv.util.VirtualenvException;
import org.jvirtualenv.discovery.PythonInfo;

/**
 * Chooses the creator for a target interpreter: the one place a creator is made, each with the
 * layout it creates ({@link Creator#layout()}).
 */
public final class Creators {
    private Creators() {
    }

    /** Our native creator for the target: what {@code builtin} means. */
    public static PlannedCreator forTarget(PythonInfo info) {
        for (CreatorChoice choice : CreatorChoice.values()) {
            if (choice.concrete() && fits(choice, info)) {
                return nativeCreator(choice, info);
            }
        }
        throw new VirtualenvException("creating environments for " + info.displayName() + " on "
                + info.platform() + " is not supported: use CPython 2.7 or 3, or PyPy 3");
    }

    /**
     * The creator a {@code --creator} value means for this target, owning its layout ({@code venv}
     * gets the layout the builtin creator would use, which is what the venv module makes). Called
     * before anything is written, so a choice that cannot serve the target stops the run with
     * nothing to clean up.
     *
     * @param environment the environment a run of the target's venv module starts from (scrubbed first)
     * @param workDir     where that run starts
     * @throws VirtualenvException (usage) when the choice cannot make an environment for the target
     */
    public static Creator forChoice(CreatorChoice choice, PythonInfo info, Map<String, String> environment,
                                    Path workDir) {
        return switch (choice) {
            case BUILTIN -> forTarget(info);
            case VENV -> VenvCreator.forTarget(info, environment, workDir);
            default -> {
                if (!fits(choice, info)) {
                    throw new VirtualenvException(VirtualenvException.USAGE, "creator " + choice + " cannot create a "
                            + info.implementation() + " " + info.version().majorMinor() + " environment on "
                            + info.platform() + ": use " + joinChoices(applicable(info).stream().map(CreatorChoice::text).toList()));
                }
                yield nativeCreator(choice, info);
            }
        };
    }

    /**
     * The choices that can make an environment for this target, in {@link CreatorChoice} order.
     * {@code venv} is listed by what the version promises; whether the module is really there
     * is only checked when it is chosen.
     */
    public static List<CreatorChoice> applicable(PythonInfo info) {
        List<CreatorChoice> out = new ArrayList<>();
        for (CreatorChoice choice : CreatorChoice.values()) {
            if (fits(choice, info)) {
                out.add(choice);
            }
        }
        return out;
    }

    private static boolean fits(CreatorChoice choice, PythonInfo info) {
        boolean posix = !info.isWindows();
        int major = info.version().major();
        boolean cpython = info.isCPython();
        return switch (choice) {
            case BUILTIN -> Arrays.stream(CreatorChoice.values()).anyMatch(c -> c.concrete() && fits(c, info));
            case VENV -> VenvCreator.versionHasVenv(info);
            case CPYTHON3_POSIX -> posix && cpython && major == 3;
            case CPYTHON2_POSIX -> posix && cpython && major == 2 && info.version().minor() == 7;
            case PYPY3_POSIX -> posix && info.isPyPy() && major == 3;
            case CPYTHON3_WIN -> !posix && cpython && major == 3;
        };
    }

    private static PlannedCreator nativeCreator(CreatorChoice choice, PythonInfo info) {
        return switch (choice) {
            case CPYTHON3_POSIX -> new CPython3PosixCreator(info);
            case CPYTHON2_POSIX -> new CPython2PosixCreator(info);
            case PYPY3_POSIX -> new PyPy3PosixCreator(info);
            case CPYTHON3_WIN -> new WindowsCreator(info);
            case BUILTIN, VENV -> throw new IllegalArgumentException(choice + " is not a native creator");
        };
    }

    /** "a", "a or b", "a, b or c": how messages list choices. */
    static String joinChoices(List<String> names) {
        if (names.size() <= 1) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }
}
