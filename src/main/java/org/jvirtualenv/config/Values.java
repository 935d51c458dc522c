package org.jvirtualenv.config;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How text from a variable or the ini file becomes a boolean, a count or a list. */
final class Values {
    static final String BOOLEAN_EXPECTED = "expected a boolean: 1, yes, true or on; 0, no, false or off";

    private Values() {
    }

    /** @throws IllegalArgumentException for anything but the eight words, in any case */
    static boolean bool(String text) {
        switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "1": case "yes": case "true": case "on":
                return true;
            case "0": case "no": case "false": case "off":
                return false;
            default:
                throw new IllegalArgumentException(BOOLEAN_EXPECTED);
        }
    }

    /** A verbosity count: a whole number from 0. */
    static int count(String text) {
        try {
            int n = Integer.parseInt(text.strip());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("expected a whole number from 0");
    }

    /**
     * Items on separate lines, else separated by commas; paths also by the path separator, as
     * PATH-like variables are written. Blank items are dropped.
     */
    static List<String> list(String text, boolean paths) {
        List<String> items = new ArrayList<>();
        String separator = text.indexOf('\n') >= 0 ? "\n" : ",";
        for (String item : splitOn(text, separator)) {
            if (paths) {
                items.addAll(splitOn(item, File.pathSeparator));
            } else {
                items.add(item);
            }
        }
        items.removeIf(String::isEmpty);
        return items;
    }

    private static List<String> splitOn(String text, String separator) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int at = text.indexOf(separator); at >= 0; at = text.indexOf(separator, start)) {
            parts.add(text.substring(start, at).strip());
            start = at + separator.length();
        }
        parts.add(text.substring(start).strip());
        return parts;
    }
}
