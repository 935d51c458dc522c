package org.jvirtualenv.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PEP 440 specifier set such as {@code >=2.7,!=3.0.*,!=3.1.*} or {@code ~=3.11.0}, matched
 * against release numbers only (Requires-Python and interpreter specs never need pre-releases).
 */
public final class VersionSpecifier {
    private static final Pattern CLAUSE = Pattern.compile("\\s*(~=|===|==|!=|<=|>=|<|>)\\s*([0-9][0-9.]*)(\\.\\*)?\\s*");

    private record Clause(String op, List<Integer> release, boolean wildcard) {
    }

    private final List<Clause> clauses;
    private final String text;

    private VersionSpecifier(List<Clause> clauses, String text) {
        this.clauses = clauses;
        this.text = text;
    }

    /** @throws IllegalArgumentException when the text is not a specifier set */
    public static VersionSpecifier parse(String text) {
        List<Clause> clauses = new ArrayList<>();
        if (!text.isBlank()) {
            for (String part : text.split(",")) {
                Matcher m = CLAUSE.matcher(part);
                if (!m.matches()) {
                    throw new IllegalArgumentException("not a version specifier: '" + part.strip() + "'");
                }
                boolean wildcard = m.group(3) != null;
                if (wildcard && !(m.group(1).equals("==") || m.group(1).equals("!="))) {
                    throw new IllegalArgumentException("'.*' only goes with == or !=: '" + part.strip() + "'");
                }
                clauses.add(new Clause(m.group(1), release(m.group(2)), wildcard));
            }
        }
        return new VersionSpecifier(List.copyOf(clauses), text.strip());
    }

    /** A wheel or spec with no constraint matches everything. */
    public static VersionSpecifier any() {
        return new VersionSpecifier(List.of(), "");
    }

    public boolean matches(PythonVersion version) {
        return matches(List.of(version.major(), version.minor(), version.micro()));
    }

    public boolean matches(List<Integer> version) {
        for (Clause c : clauses) {
            if (!matches(c, version)) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(Clause c, List<Integer> v) {
        int cmp = compare(v, c.release);
        return switch (c.op) {
            case "==", "===" -> c.wildcard ? prefixEquals(v, c.release) : cmp == 0;
            case "!=" -> c.wildcard ? !prefixEquals(v, c.release) : cmp != 0;
            case ">=" -> cmp >= 0;
            case "<=" -> cmp <= 0;
            case ">" -> cmp > 0;
            case "<" -> cmp < 0;
            case "~=" -> cmp >= 0 && prefixEquals(v, c.release.subList(0, Math.max(1, c.release.size() - 1)));
            default -> false;
        };
    }

    private static boolean prefixEquals(List<Integer> v, List<Integer> prefix) {
        for (int i = 0; i < prefix.size(); i++) {
            int part = i < v.size() ? v.get(i) : 0;
            if (part != prefix.get(i)) {
                return false;
            }
        }
        return true;
    }

    /** Compares release numbers, padding the shorter with zeros. */
    public static int compare(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            int x = i < a.size() ? a.get(i) : 0;
            int y = i < b.size() ? b.get(i) : 0;
            if (x != y) {
                return Integer.compare(x, y);
            }
        }
        return 0;
    }

    /** The leading numeric release of a version string: "23.2.1" -> [23, 2, 1], "1.0rc1" -> [1, 0]. */
    public static List<Integer> release(String version) {
        List<Integer> parts = new ArrayList<>();
        for (String piece : version.split("\\.")) {
            int end = 0;
            while (end < piece.length() && Character.isDigit(piece.charAt(end))) {
                end++;
            }
            if (end == 0) {
                break;
            }
            parts.add(Integer.parseInt(piece.substring(0, end)));
            if (end < piece.length()) {
                break;
            }
        }
        return parts;
    }

    @Override
    public String toString() {
        return text;
    }
}
