# -*- coding: utf-8 -*-
"""site.py of a jvirtualenv environment for Python 2.

Python 2 does not read pyvenv.cfg. The interpreter copied into bin/ finds lib/python2.7/os.py
beside this file and so takes the environment as sys.prefix; this module, imported at start-up
in place of the standard one, then:

* puts the base installation's standard library (recorded in orig-prefix.txt) on sys.path,
* sets sys.real_prefix to the base prefix (tools detect virtualenvs by it),
* adds the environment's site-packages (processing .pth files),
* adds the base's site-packages and the user's site only when the environment was created with
  --system-site-packages (no-global-site-packages.txt beside this file says it was not),
* installs the usual builtins (exit, quit, help, copyright, credits, license) and runs
  sitecustomize / usercustomize.

It must not import anything outside the builtins before the base library is on sys.path.
"""
import sys

_HERE = __file__.replace("\\", "/").rsplit("/", 1)[0]
_LIB_NAME = "python%d.%d" % sys.version_info[:2]


def _read_text(path):
    handle = open(path)
    try:
        return handle.read().strip()
    finally:
        handle.close()


def _base_library_paths(env_prefix, base_prefix):
    """For each sys.path entry inside the environment's lib/pythonX.Y, the base's counterpart."""
    added = []
    for entry in sys.path:
        if entry.startswith(env_prefix + "/lib") and not entry.endswith(".zip"):
            candidate = base_prefix + entry[len(env_prefix):]
            if candidate not in sys.path and candidate not in added:
                added.append(candidate)
    base_lib = base_prefix + "/lib/" + _LIB_NAME
    for extra in (base_lib, base_lib + "/plat-" + sys.platform, base_lib + "/lib-tk", base_lib + "/lib-dynload"):
        if extra not in sys.path and extra not in added:
            added.append(extra)
    return added


sys.real_prefix = _read_text(_HERE + "/orig-prefix.txt")
sys.path.extend(_base_library_paths(sys.prefix, sys.real_prefix))

import os  # noqa: E402  (only now can the whole standard library be found)
import __builtin__  # noqa: E402

SYSTEM_SITE = not os.path.exists(os.path.join(_HERE, "no-global-site-packages.txt"))
PREFIXES = [sys.prefix, sys.exec_prefix]
ENABLE_USER_SITE = None
USER_SITE = None
USER_BASE = None


def makepath(*parts):
    path = os.path.abspath(os.path.join(*parts))
    return path, os.path.normcase(path)


def _absolute_module_files():
    for module in list(sys.modules.values()):
        if hasattr(module, "__loader__"):
            continue
        try:
            module.__file__ = os.path.abspath(module.__file__)
        except (AttributeError, OSError, TypeError):
            pass


def removeduppaths():
    """Make sys.path entries absolute and drop duplicates; return the set of known paths."""
    unique = []
    known = set()
    for entry in sys.path:
        path, case = makepath(entry)
        if case not in known:
            unique.append(path)
            known.add(case)
    sys.path[:] = unique
    return known


def _known_paths():
    known = set()
    for entry in sys.path:
        try:
            if os.path.isdir(entry):
                known.add(makepath(entry)[1])
        except TypeError:
            continue
    return known


def addpackage(sitedir, name, known_paths):
    """Process one .pth file: 'import' lines run, other lines name directories to add."""
    reset = known_paths is None
    if reset:
        known_paths = _known_paths()
    fullname = os.path.join(sitedir, name)
    try:
        handle = open(fullname, "rU")
    except IOError:
        return known_paths
    try:
        for number, line in enumerate(handle):
            if line.startswith("#"):
                continue
            try:
                if line.startswith(("import ", "import\t")):
                    exec(line)
                    continue
                line = line.rstrip()
                path, case = makepath(sitedir, line)
                if case not in known_paths and os.path.exists(path):
                    sys.path.append(path)
                    known_paths.add(case)
            except Exception as error:
                sys.stderr.write("Error processing line %d of %s: %s\n" % (number + 1, fullname, error))
                sys.stderr.write("Remainder of file ignored\n")
                break
    finally:
        handle.close()
    return None if reset else known_paths


def addsitedir(sitedir, known_paths=None):
    """Add sitedir to sys.path (if missing) and process the .pth files in it."""
    reset = known_paths is None
    if reset:
        known_paths = _known_paths()
    sitedir, case = makepath(sitedir)
    if case not in known_paths:
        sys.path.append(sitedir)
        known_paths.add(case)
    try:
        names = os.listdir(sitedir)
    except os.error:
        return None if reset else known_paths
    for name in sorted(n for n in names if n.endswith(".pth")):
        addpackage(sitedir, name, known_paths)
    return None if reset else known_paths


def check_enableusersite():
    """The user's site-packages only with --system-site-packages, not with -s, not when setuid."""
    if not SYSTEM_SITE or sys.flags.no_user_site:
        return False
    if hasattr(os, "getuid") and hasattr(os, "geteuid") and os.geteuid() != os.getuid():
        return None
    if hasattr(os, "getgid") and hasattr(os, "getegid") and os.getegid() != os.getgid():
        return None
    return True


def getuserbase():
    global USER_BASE
    if USER_BASE is None:
        USER_BASE = os.environ.get("PYTHONUSERBASE") or os.path.expanduser("~/.local")
    return USER_BASE


def getusersitepackages():
    global USER_SITE
    if USER_SITE is None:
        USER_SITE = os.path.join(getuserbase(), "lib", _LIB_NAME, "site-packages")
    return USER_SITE


def _base_site_dirs():
    base = sys.real_prefix
    return [os.path.join(base, "lib", _LIB_NAME, "site-packages"),
            os.path.join(base, "local", "lib", _LIB_NAME, "dist-packages"),
            os.path.join(base, "lib", _LIB_NAME, "dist-packages"),
            os.path.join(base, "lib", "python" + _LIB_NAME[6], "dist-packages"),
            os.path.join(base, "lib", "site-python")]


def getsitepackages():
    """The environment's site-packages, then the base's when system site-packages are on."""
    dirs = [os.path.join(sys.prefix, "lib", _LIB_NAME, "site-packages")]
    if SYSTEM_SITE:
        dirs.extend(_base_site_dirs())
    return dirs


class _Quitter(object):
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "Use %s() or %s to exit" % (self.name, "Ctrl-D (i.e. EOF)")

    def __call__(self, code=None):
        try:
            sys.stdin.close()
        except Exception:
            pass
        raise SystemExit(code)


class _Printer(object):
    def __init__(self, name, text):
        self.name = name
        self.text = text

    def __repr__(self):
        return self.text

    def __call__(self):
        print(self.text)


class _Helper(object):
    def __repr__(self):
        return "Type help() for interactive help, or help(object) for help about object."

    def __call__(self, *args, **kwargs):
        import pydoc
        return pydoc.help(*args, **kwargs)


def _set_builtins():
    __builtin__.quit = _Quitter("quit")
    __builtin__.exit = _Quitter("exit")
    __builtin__.copyright = _Printer("copyright", sys.copyright)
    __builtin__.credits = _Printer("credits", "Thanks to CWI, CNRI, BeOpen.com, Zope Corporation and a cast of "
                                              "thousands\nfor supporting Python development.  See www.python.org "
                                              "for more information.")
    __builtin__.license = _Printer("license", "See https://www.python.org/psf/license/")
    __builtin__.help = _Helper()


def _customize(name):
    try:
        __import__(name)
    except ImportError as error:
        if str(error) != "No module named " + name:
            raise
    except Exception as error:
        if sys.flags.verbose:
            sys.excepthook(*sys.exc_info())
        else:
            sys.stderr.write("Error in %s; set PYTHONVERBOSE for traceback:\n%s: %s\n"
                             % (name, error.__class__.__name__, error))


def main():
    global ENABLE_USER_SITE
    _absolute_module_files()
    known_paths = removeduppaths()
    ENABLE_USER_SITE = check_enableusersite()
    if ENABLE_USER_SITE and os.path.isdir(getusersitepackages()):
        addsitedir(getusersitepackages(), known_paths)
    for sitedir in getsitepackages():
        if os.path.isdir(sitedir):
            addsitedir(sitedir, known_paths)
    _set_builtins()
    if hasattr(sys, "setdefaultencoding"):
        del sys.setdefaultencoding
    _customize("sitecustomize")
    if ENABLE_USER_SITE:
        _customize("usercustomize")


main()


if __name__ == "__main__":
    sys.stdout.write("sys.path = [\n")
    for _entry in sys.path:
        sys.stdout.write("    %r,\n" % (_entry,))
    sys.stdout.write("]\nsys.real_prefix = %r\nUSER_BASE: %r\nUSER_SITE: %r\nENABLE_USER_SITE: %r\n"
                     % (sys.real_prefix, getuserbase(), getusersitepackages(), ENABLE_USER_SITE))
