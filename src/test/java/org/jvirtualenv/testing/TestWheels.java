package org.jvirtualenv.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jvirtualenv.util.Sha256;

/** Builds small but real wheels for tests: correct METADATA, WHEEL, entry points and RECORD. */
public final class TestWheels {
    private TestWheels() {
    }

    /**
     * A pure wheel {@code name-version-py2.py3-none-any.whl} holding package {@code name} with a
     * {@code main()} that prints "NAME VERSION ran", and console script {@code script}.
     */
    public static Path demo(Path dir, String name, String version, String script) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(name + "/__init__.py", "import sys\n\n\ndef main():\n    sys.stdout.write('" + name + " " + version
                + " ran\\n')\n    return 0\n");
        files.put(name + "/util.py", "VALUE = 42\n");
        return build(dir, name, version, files, script == null ? null
                : "[console_scripts]\n" + script + " = " + name + ":main\n");
    }

    /** A wheel with exactly these files (plus dist-info); the RECORD lists them all with hashes. */
    public static Path build(Path dir, String name, String version, Map<String, String> files, String entryPoints)
            throws IOException {
        return build(dir, name, version, files, entryPoints, "");
    }

    /** Like {@link #demo} without a script, with extra METADATA header lines (e.g. Requires-Python). */
    public static Path withMetadata(Path dir, String name, String version, String extraHeaders) throws IOException {
        return build(dir, name, version, Map.of(name + "/__init__.py", ""), null, extraHeaders);
    }

    private static Path build(Path dir, String name, String version, Map<String, String> files, String entryPoints,
                              String extraHeaders) throws IOException {
        Map<String, byte[]> all = new LinkedHashMap<>();
        files.forEach((k, v) -> all.put(k, v.getBytes(StandardCharsets.UTF_8)));
        String distInfo = name + "-" + version + ".dist-info/";
        all.put(distInfo + "METADATA", ("Metadata-Version: 2.1\nName: " + name + "\nVersion: " + version + "\n" + extraHeaders)
                .getBytes(StandardCharsets.UTF_8));
        all.put(distInfo + "WHEEL", "Wheel-Version: 1.0\nGenerator: jvirtualenv-tests\nRoot-Is-Purelib: true\nTag: py2-none-any\nTag: py3-none-any\n"
                .getBytes(StandardCharsets.UTF_8));
        if (entryPoints != null) {
            all.put(distInfo + "entry_points.txt", entryPoints.getBytes(StandardCharsets.UTF_8));
        }
        StringBuilder record = new StringBuilder();
        all.forEach((k, v) -> {
            var md = Sha256.digest();
            record.append(k).append(',').append(Sha256.recordHash(md.digest(v))).append(',').append(v.length).append('\n');
        });
        record.append(distInfo).append("RECORD,,\n");
        all.put(distInfo + "RECORD", record.toString().getBytes(StandardCharsets.UTF_8));
        Files.createDirectories(dir);
        Path wheel = dir.resolve(name + "-" + version + "-py2.py3-none-any.whl");
        writeZip(wheel, all);
        return wheel;
    }

    /**
     * A zip bomb named like a wheel {@code name-version-py2.py3-none-any.whl}: a valid dist-info
     * and a {@code name/bomb.bin} of {@code bytes} zeros (honestly declared in the central
     * directory) whose RECORD row claims 10 bytes. A gigabyte compresses to about a megabyte.
     */
    public static Path zipBomb(Path dir, String name, String version, long bytes) throws IOException {
        Files.createDirectories(dir);
        String distInfo = name + "-" + version + ".dist-info/";
        Map<String, byte[]> meta = new LinkedHashMap<>();
        meta.put(distInfo + "METADATA", ("Metadata-Version: 2.1\nName: " + name + "\nVersion: " + version + "\n")
                .getBytes(StandardCharsets.UTF_8));
        meta.put(distInfo + "WHEEL", "Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
                .getBytes(StandardCharsets.UTF_8));
        StringBuilder record = new StringBuilder(name + "/bomb.bin,sha256=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA,10\n");
        meta.forEach((k, v) -> record.append(k).append(',').append(Sha256.recordHash(Sha256.digest().digest(v)))
                .append(',').append(v.length).append('\n'));
        record.append(distInfo).append("RECORD,,\n");
        meta.put(distInfo + "RECORD", record.toString().getBytes(StandardCharsets.UTF_8));
        Path wheel = dir.resolve(name + "-" + version + "-py2.py3-none-any.whl");
        try (OutputStream raw = Files.newOutputStream(wheel); ZipOutputStream zip = new ZipOutputStream(raw)) {
            zip.setLevel(java.util.zip.Deflater.BEST_SPEED);
            zip.putNextEntry(new ZipEntry(name + "/bomb.bin"));
            byte[] zeros = new byte[1 << 20];
            for (long left = bytes; left > 0; left -= zeros.length) {
                zip.write(zeros, 0, (int) Math.min(zeros.length, left));
            }
            zip.closeEntry();
            for (Map.Entry<String, byte[]> e : meta.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return wheel;
    }

    public static void writeZip(Path file, Map<String, byte[]> entries) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(raw)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
    }
}
