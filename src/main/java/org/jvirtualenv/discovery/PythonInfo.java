package org.jvirtualenv.discovery;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What we know about one interpreter, from a single run of our introspection script.
 * Paths are kept as the interpreter reported them (strings, not {@link java.nio.file.Path}) so a
 * Windows interpreter can be described and planned for on any machine.
 */
public record PythonInfo(
        String implementation,
        PythonVersion version,
        String versionString,
        String executable,
        String baseExecutable,
        String prefix,
        String execPrefix,
        String basePrefix,
        String baseExecPrefix,
        boolean inVenv,
        String platform,
        String os,
        String machine,
        int pointerBits,
        boolean freeThreaded,
        Map<String, String> sysconfigPaths,
        Map<String, String> sysconfigVars,
        String stdlibDir,
        List<String> sysPath,
        NtFiles nt) {

    /**
     * What a Windows environment copies from its base installation, as the interpreter reported
     * it (Windows paths). Null for POSIX interpreters.
     *
     * @param exeDir       the folder of the base python.exe
     * @param exeDirFiles  names of the files in exeDir (python.exe, pythonw.exe, *.dll, pythonXY.zip, ...)
     * @param dllsDirFiles names of the .pyd/.dll files in the base's DLLs folder
     * @param dllsDir      the base's DLLs folder (may not exist)
     * @param launchers    the venv launchers the base ships, by name ("python.exe", "pythonw.exe"
     *                     from Lib\venv\scripts\nt, or "venvlauncher.exe", "venvwlauncher.exe"
     *                     on 3.13+) mapped to their full paths; empty when there is none
     */
    public record NtFiles(String exeDir, List<String> exeDirFiles, String dllsDir, List<String> dllsDirFiles,
                          Map<String, String> launchers) {
        public NtFiles {
            exeDirFiles = List.copyOf(exeDirFiles);
            dllsDirFiles = List.copyOf(dllsDirFiles);
            launchers = Collections.unmodifiableMap(new LinkedHashMap<>(launchers));
        }
    }

    public PythonInfo {
        sysconfigPaths = Map.copyOf(sysconfigPaths);
        sysconfigVars = Map.copyOf(sysconfigVars);
        sysPath = sysPath == null ? List.of() : List.copyOf(sysPath);
    }

    public boolean isWindows() {
        return "nt".equals(os);
    }

    public boolean isPyPy() {
        return "PyPy".equals(implementation);
    }

    public boolean isCPython() {
        return "CPython".equals(implementation);
    }

    /**
     * "CPython3.11.7.final.0-64-x86_64", the identifier virtualenv prints: the version, a "t" for
     * a free-threaded build, the pointer size and the instruction set.
     */
    public String displayName() {
        return implementation + version.full() + (freeThreaded ? "t" : "") + "-" + pointerBits + "-"
                + instructionSet();
    }

    /**
     * The machine's instruction set under one name per architecture, as virtualenv spells it:
     * Windows' "AMD64" and Linux's "x86_64" are both x86_64, "aarch64" is arm64.
     */
    public String instructionSet() {
        if (machine == null || machine.isBlank()) {
            return "unknown";
        }
        String name = machine.strip().toLowerCase(Locale.ROOT);
        switch (name) {
            case "amd64":
                return "x86_64";
            case "aarch64":
                return "arm64";
            case "i386": case "i486": case "i586": case "i686":
                return "x86";
            case "powerpc":
                return "ppc";
            case "powerpc64":
                return "ppc64";
            case "powerpc64le":
                return "ppc64le";
            case "sparcv9":
                return "sparc64";
            default:
                return name;
        }
    }

    public String configVar(String name) {
        return sysconfigVars.get(name);
    }

    /** Builds the record from the introspection script's JSON object. */
    @SuppressWarnings("unchecked")
    public static PythonInfo fromJson(Map<String, Object> json) {
        List<Object> v = (List<Object>) json.get("version_info");
        PythonVersion version = new PythonVersion(
                ((Number) v.get(0)).intValue(), ((Number) v.get(1)).intValue(), ((Number) v.get(2)).intValue(),
                String.valueOf(v.get(3)), ((Number) v.get(4)).intValue());
        return new PythonInfo(
                str(json, "implementation"),
                version,
                str(json, "version"),
                str(json, "executable"),
                str(json, "base_executable"),
                str(json, "prefix"),
                str(json, "exec_prefix"),
                str(json, "base_prefix"),
                str(json, "base_exec_prefix"),
                Boolean.TRUE.equals(json.get("in_venv")),
                str(json, "platform"),
                str(json, "os"),
                str(json, "machine"),
                ((Number) json.get("pointer_bits")).intValue(),
                Boolean.TRUE.equals(json.get("free_threaded")),
                stringMap(json.get("sysconfig_paths")),
                stringMap(json.get("sysconfig_vars")),
                str(json, "stdlib_dir"),
                stringList(json.get("sys_path")),
                ntFiles(json.get("nt")));
    }

    @SuppressWarnings("unchecked")
    private static NtFiles ntFiles(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            return null;
        }
        Map<String, Object> nt = (Map<String, Object>) map;
        return new NtFiles(str(nt, "exe_dir"), stringList(nt.get("exe_dir_files")), str(nt, "dlls_dir"),
                stringList(nt.get("dlls_dir_files")), new LinkedHashMap<>(stringMap(nt.get("launchers"))));
    }

    private static List<String> stringList(Object value) {
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Object item : list) {
            if (item != null) {
                out.add(item.toString());
            }
        }
        return out;
    }

    private static String str(Map<String, Object> json, String key) {
        Object value = json.get(key);
        return value == null ? null : value.toString();
    }

    private static Map<String, String> stringMap(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        map.forEach((k, val) -> {
            if (val != null) {
                out.put(String.valueOf(k), Objects.toString(val));
            }
        });
        return out;
    }
}
