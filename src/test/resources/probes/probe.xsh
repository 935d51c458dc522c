# Activation probe for xonsh; same protocol as probe.sh. Values are written byte-exact by
# Python; what child processes see (printenv) and the python found are newline-terminated, and
# the test strips exactly one newline.
import os
import re


def record(name, value):
    with open(os.path.join($PROBE_OUT, name), 'w', encoding='utf-8', errors='surrogateescape', newline='') as f:
        f.write(value)


def exported_or(name, file):
    seen = !(/usr/bin/printenv @(name))
    seen.end()
    record(file, seen.out if seen.returncode == 0 else '<unset>\n')


def unset_or(name):
    return str(__xonsh__.env[name]) if name in __xonsh__.env else '<unset>'


def shown_prompt():
    # What the shell draws: the prompt as xonsh formats it, then its {COLOR} pass, with the
    # color codes taken out again.
    shell = __xonsh__.shell
    drawn = shell.format_color(shell.prompt)
    return re.sub('\x01|\x02|\x1b\\[[0-9;]*m', '', drawn)


def found_python():
    return __xonsh__.commands_cache.locate_binary('python') + '\n'


exported_or('PATH', 'before.path')

# 1. Normal use, prompt, PYTHONHOME and PKG_CONFIG_PATH (with a space) set beforehand.
$PROMPT = 'base> '
$PYTHONHOME = '/saved/python/home'
$PKG_CONFIG_PATH = '/usr/lib/pkg config:/opt/pc'
names_before = set(globals())
source e1/bin/activate.xsh
record('x.leftover', ' '.join(sorted(set(globals()) - names_before - {'names_before'})))
record('a1.python', found_python())
record('a1.virtual_env', $VIRTUAL_ENV)
record('a1.virtual_env_prompt', $VIRTUAL_ENV_PROMPT)
record('a1.ps1_shown', shown_prompt())
record('a1.pythonhome', unset_or('PYTHONHOME'))
exported_or('PATH', 'a1.path')
exported_or('PKG_CONFIG_PATH', 'a1.pkg_config_path')

# 2. A second environment replaces the first.
source e2/bin/activate.xsh
record('a2.virtual_env', $VIRTUAL_ENV)
exported_or('PATH', 'a2.path')
record('a2.ps1_shown', shown_prompt())
exported_or('PKG_CONFIG_PATH', 'a2.pkg_config_path')

# 3. deactivate puts everything back and removes itself.
deactivate
exported_or('PATH', 'd.path')
record('d.ps1', shown_prompt())
record('d.pythonhome', unset_or('PYTHONHOME'))
record('d.virtual_env', unset_or('VIRTUAL_ENV'))
record('d.virtual_env_prompt', unset_or('VIRTUAL_ENV_PROMPT'))
record('d.deactivate', 'present' if 'deactivate' in aliases else 'gone')
exported_or('PKG_CONFIG_PATH', 'd.pkg_config_path')

# 4. Prompt disabled, PYTHONHOME and PKG_CONFIG_PATH unset beforehand; nondestructive keeps
# the command.
del $PYTHONHOME
del $PKG_CONFIG_PATH
$VIRTUAL_ENV_DISABLE_PROMPT = '1'
source e1/bin/activate.xsh
record('q.ps1', shown_prompt())
record('q.pythonhome', unset_or('PYTHONHOME'))
exported_or('PKG_CONFIG_PATH', 'q.pkg_config_path')
deactivate nondestructive
record('q.nondestructive', 'present' if 'deactivate' in aliases else 'gone')
deactivate
record('qd.pkg_config_path', unset_or('PKG_CONFIG_PATH'))
del $VIRTUAL_ENV_DISABLE_PROMPT
record('u.pythonhome', unset_or('PYTHONHOME'))

# 5. PKG_CONFIG_PATH set but empty: the environment's directory alone, then empty again.
$PKG_CONFIG_PATH = ''
source e1/bin/activate.xsh
exported_or('PKG_CONFIG_PATH', 'e.pkg_config_path')
deactivate
exported_or('PKG_CONFIG_PATH', 'ed.pkg_config_path')

# 6. A prompt that places {env_name} itself gets the name there, once; a prompt given as a
# function gets it in front.
$PROMPT = 'left {env_name}> '
source e1/bin/activate.xsh
record('x.field_shown', shown_prompt())
deactivate
record('x.field_after', shown_prompt())
$PROMPT = lambda: 'fn> '
source e1/bin/activate.xsh
record('x.callable_shown', shown_prompt())
deactivate
record('x.callable_after', shown_prompt())

record('done', 'yes')
