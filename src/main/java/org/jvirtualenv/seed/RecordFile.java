package org.jvirtualenv.seed;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The RECORD file of a dist-info directory (PEP 376): CSV rows of path, hash, size. */
public final class RecordFile {
    public record Row(String path, String hash, String size) {
    }

    private RecordFile() {
    }

    /** A RECORD path: relative to the directory holding the .dist-info, '/'-separated. */
    static String pathOf(Path base, Path file) {
        return base.relativize(file).toString().replace('\\', '/');
    }

    public static List<Row> parse(String text) {
        List<Row> rows = new ArrayList<>();
        for (String line : text.split("\r?\n")) {
            if (line.isBlank()) {
                continue;
            }
            List<String> cells = csvCells(line);
            while (cells.size() < 3) {
                cells.add("");
            }
            rows.add(new Row(cells.get(0), cells.get(1), cells.get(2)));
        }
        return rows;
    }

    public static String render(List<Row> rows) {
        StringBuilder out = new StringBuilder();
        for (Row row : rows) {
            out.append(csvCell(row.path())).append(',').append(csvCell(row.hash())).append(',')
                    .append(csvCell(row.size())).append('\n');
        }
        return out.toString();
    }

    private static List<String> csvCells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    private static String csvCell(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
