"""Activate this virtual environment inside a Python process that is already running.

Use it from any interpreter of the same version (Python 2.7 or 3.x):

    this_file = "/path/to/env/bin/activate_this.py"
    exec(open(this_file).read(), {'__file__': this_file})

Afterwards PATH starts with the environment's scripts directory, PKG_CONFIG_PATH with its
lib/pkgconfig directory, VIRTUAL_ENV is set, and the environment's site-packages come first on
sys.path.
"""
import os
import site
import sys


def _native(raw):
    # Values are stored as UTF-8 bytes so both Python 2 and 3 read back exactly what was written;
    # Python 2 wants byte strings, Python 3 wants text.
    if str is bytes:
        return raw
    return raw.decode("utf-8", "surrogateescape")


try:
    __file__
except NameError:
    raise AssertionError("run this file with exec(open(path).read(), {'__file__': path})")

# Where the environment was created. A relocatable one (--relocatable) first looks for itself
# above this file, so it still works after being moved, copied or unpacked elsewhere; the
# recorded path is then only the fallback.
venv_dir = _native(__VIRTUAL_ENV__)
if _native(__RELOCATABLE__):
    _here = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
    if os.path.isfile(os.path.join(_here, "pyvenv.cfg")):
        venv_dir = _here
bin_dir = os.path.join(venv_dir, _native(__BIN_NAME__))

os.environ["PATH"] = os.pathsep.join([bin_dir] + os.environ.get("PATH", "").split(os.pathsep))
os.environ["VIRTUAL_ENV"] = venv_dir
# An empty old value adds nothing after the separator.
pkg_config_dir = os.path.join(venv_dir, _native(__LIB_NAME__), "pkgconfig")
old_pkg_config = os.environ.get("PKG_CONFIG_PATH", "")
os.environ["PKG_CONFIG_PATH"] = os.pathsep.join([pkg_config_dir] + ([old_pkg_config] if old_pkg_config else []))
os.environ["VIRTUAL_ENV_PROMPT"] = _native(__VIRTUAL_PROMPT__)

# addsitedir also runs the .pth files, which may add more entries; all of them go first.
known = set(sys.path)
before = list(sys.path)
for relative in _native(__SITE_PACKAGES__).split(os.pathsep):
    if relative:
        site.addsitedir(os.path.join(venv_dir, *relative.split("/")))
added = [entry for entry in sys.path if entry not in known]
sys.path[:] = added + before

sys.real_prefix = sys.prefix
sys.prefix = venv_dir
sys.exec_prefix = venv_dir
