package org.jvirtualenv.discovery;

import java.util.List;
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
        String stdlibDir) {

    public PythonInfo {
        sysconfigPaths = Map.copyOf(sysconfigPaths);
        sysconfigVars = Map.copyOf(sysconfigVars);
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

    /** "CPython3.11.7.final.0-64", the identifier virtualenv prints. */
    public String displayName() {
        return implementation + version.full() + "-" + pointerBits;
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
                str(json, "stdlib_dir"));
    }

    private static String str(Map<String, Object> json, String key) {
        Object value = json.get(key);
        return value == null ? null : value.toString();
    }

    private static Map<String, String> stringMap(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            return Map.of();
        }
        java.util.Map<String, String> out = new java.util.HashMap<>();
        map.forEach((k, val) -> {
            if (val != null) {
                out.put(String.valueOf(k), Objects.toString(val));
            }
        });
        return out;
    }
}
