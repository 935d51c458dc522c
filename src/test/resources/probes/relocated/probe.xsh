# Same protocol as probe.sh. Paths are recorded as child processes see them.
import os


def record(name, value):
    with open(os.path.join($PROBE_OUT, name), 'w', encoding='utf-8', errors='surrogateescape', newline='') as f:
        f.write(value)


def exported(name):
    seen = !(/usr/bin/printenv @(name))
    seen.end()
    # printenv ends the value with one newline
    return seen.out[:-1] if seen.returncode == 0 else '<unset>'


record('before.path', exported('PATH'))
source @($ENV_DIR + '/bin/activate.xsh')
record('virtual_env', exported('VIRTUAL_ENV'))
record('path', exported('PATH'))
record('python', __xonsh__.commands_cache.locate_binary('python'))
record('pkg_config_path', exported('PKG_CONFIG_PATH'))
deactivate
record('d.path', exported('PATH'))
record('d.virtual_env', exported('VIRTUAL_ENV'))
record('d.pkg_config_path', exported('PKG_CONFIG_PATH'))
record('done', 'yes')
