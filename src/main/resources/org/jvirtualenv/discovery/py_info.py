# Describes the interpreter that runs it, as one JSON object on stdout.
# Must stay valid on Python 2.7 and every 3.x we support: no f-strings, no walrus, no pathlib.
import json
import os
import platform
import struct
import sys
import sysconfig


def _base_executable():
    """The interpreter outside any venv/virtualenv, which is what an environment must link to."""
    exe = os.path.abspath(sys.executable)
    real_prefix = getattr(sys, "real_prefix", None)
    base_prefix = real_prefix or getattr(sys, "base_prefix", sys.prefix)
    if base_prefix == sys.prefix:
        return exe
    candidate = getattr(sys, "_base_executable", None)
    if candidate and os.path.exists(candidate) and not _inside(candidate, sys.prefix):
        return os.path.abspath(candidate)
    exec_base = real_prefix or getattr(sys, "base_exec_prefix", base_prefix)
    names = ["python%d.%d" % sys.version_info[:2], "python%d" % sys.version_info[0], "python",
             os.path.basename(exe)]
    for folder in (os.path.join(exec_base, "bin"), os.path.join(base_prefix, "bin"), exec_base, base_prefix):
        for name in names:
            path = os.path.join(folder, name)
            if os.path.isfile(path) and os.access(path, os.X_OK):
                return path
    return exe


def _inside(path, folder):
    path = os.path.realpath(path)
    folder = os.path.realpath(folder)
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _text(value):
    if value is None or isinstance(value, (int, bool)):
        return value
    if isinstance(value, bytes) and str is not bytes:
        return value.decode("utf-8", "surrogateescape")
    return "%s" % (value,)


def _listdir(folder, suffixes):
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    return sorted(n for n in names if n.lower().endswith(suffixes) and os.path.isfile(os.path.join(folder, n)))


def _nt_files(base_executable, base_prefix):
    """What a Windows environment may copy: files beside python.exe, DLLs\\, venv launchers."""
    exe_dir = os.path.dirname(base_executable)
    dlls_dir = os.path.join(base_prefix, "DLLs")
    scripts_nt = os.path.join(base_prefix, "Lib", "venv", "scripts", "nt")
    launchers = {}
    for name in ("python.exe", "pythonw.exe", "venvlauncher.exe", "venvwlauncher.exe"):
        path = os.path.join(scripts_nt, name)
        if os.path.isfile(path):
            launchers[name] = path
    return {
        "exe_dir": exe_dir,
        "exe_dir_files": _listdir(exe_dir, (".exe", ".dll", ".pyd", ".zip", "._pth")),
        "dlls_dir": dlls_dir,
        "dlls_dir_files": _listdir(dlls_dir, (".pyd", ".dll")),
        "launchers": launchers,
    }


def main():
    info = sys.version_info
    config_vars = sysconfig.get_config_vars()
    wanted_vars = ["LDLIBRARY", "INSTSONAME", "LIBDIR", "LIBPL", "Py_ENABLE_SHARED", "EXE", "SOABI",
                   "py_version_nodot", "abiflags", "Py_GIL_DISABLED", "MULTIARCH", "BINDIR"]
    try:
        paths = sysconfig.get_paths()
    except Exception:  # broken distro patches must not stop us; creation falls back to our layout
        paths = {}
    implementation = platform.python_implementation()
    result = {
        "implementation": implementation,
        "version_info": [info[0], info[1], info[2], info[3], info[4]],
        "version": sys.version.split("\n")[0],
        "executable": os.path.abspath(sys.executable),
        "base_executable": _base_executable(),
        "prefix": sys.prefix,
        "exec_prefix": sys.exec_prefix,
        "base_prefix": getattr(sys, "real_prefix", None) or getattr(sys, "base_prefix", sys.prefix),
        "base_exec_prefix": getattr(sys, "real_prefix", None) or getattr(sys, "base_exec_prefix", sys.exec_prefix),
        "in_venv": hasattr(sys, "real_prefix") or getattr(sys, "base_prefix", sys.prefix) != sys.prefix,
        "platform": sys.platform,
        "os": os.name,
        "machine": platform.machine(),
        "pointer_bits": struct.calcsize("P") * 8,
        "free_threaded": bool(config_vars.get("Py_GIL_DISABLED")),
        "sysconfig_paths": dict((k, _text(v)) for k, v in paths.items()),
        "sysconfig_vars": dict((k, _text(config_vars.get(k))) for k in wanted_vars),
        "stdlib_dir": os.path.dirname(os.__file__),
        "file_system_encoding": sys.getfilesystemencoding(),
        "sys_path": [_text(p) for p in sys.path],
    }
    if os.name == "nt":
        result["nt"] = _nt_files(result["base_executable"], result["base_prefix"])
    if implementation == "PyPy":
        result["pypy_version_info"] = list(getattr(sys, "pypy_version_info", [])[:3])
    sys.stdout.write(json.dumps(result))


if __name__ == "__main__":
    main()
