# Puts this virtual environment first on PATH for the current xonsh session.
# Load it with:  source bin/activate.xsh        Undo with: deactivate
#
# Written for (and tested with) the xonsh Debian ships, 0.13. It is plain Python-mode code that
# uses only long-standing parts of xonsh: __xonsh__.env, __xonsh__.aliases and PROMPT_FIELDS.
# Every value from the environment's creation appears once, at the bottom, as a Python string
# literal of letters, digits and backslash escapes, which xonsh has nothing to expand in.
#
# All the work happens inside one function, so sourcing leaves no helper names behind in the
# session; what deactivate must put back is kept in its closure, not in more variables.


def _venv_activate(recorded_dir, prompt_name, bin_name, lib_name, relocatable):
    import os

    env = __xonsh__.env
    aliases = __xonsh__.aliases
    # Stands for "was not set at all", which deactivate must restore as such.
    missing = object()

    # Leave an environment that a script like this one activated, keeping nothing of it. Only
    # our own deactivate carries the undo attribute: another tool's alias is not ours to run.
    if 'deactivate' in aliases:
        undo_previous = getattr(aliases['deactivate'], 'virtual_env_undo', None)
        if undo_previous is not None:
            undo_previous()

    # Where the environment was created. A relocatable one (--relocatable) first looks for
    # itself above this file, so it still works after being moved, copied or unpacked
    # elsewhere; the recorded path is then only the fallback. "source" names this file in
    # __file__ while it runs.
    venv_dir = recorded_dir
    if relocatable:
        try:
            this_file = __file__
        except NameError:
            this_file = None
        if this_file:
            here = os.path.dirname(os.path.dirname(os.path.realpath(this_file)))
            if os.path.isfile(os.path.join(here, 'pyvenv.cfg')):
                venv_dir = here

    saved = {}

    def save(name):
        # The object itself: every change below assigns a new value and never edits this one.
        saved[name] = env[name] if name in env else missing

    def put_back(name):
        old = saved.pop(name)
        if old is not missing:
            env[name] = old
        elif name in env:
            del env[name]

    def as_entry(path):
        # xonsh expands $NAME in each entry of a path variable whenever it reads one, and has
        # no way to escape a '$' there; a variable holding '$' stands in for each one instead.
        if '$' in path and env.get('EXPAND_ENV_VARS'):
            env['_VIRTUAL_ENV_DOLLAR'] = '$'
            return path.replace('$', '$' + "{'_VIRTUAL_ENV_DOLLAR'}")
        return path

    def prepended(entry, old):
        # Adding a list to the old value keeps its entries as they were written; reading
        # them one by one would expand them.
        if old is missing or len(old) == 0:
            return [entry]
        if isinstance(old, str):
            return [entry] + old.split(os.pathsep)
        return [entry] + old

    env['VIRTUAL_ENV'] = venv_dir
    env['VIRTUAL_ENV_PROMPT'] = prompt_name

    save('PATH')
    env['PATH'] = prepended(as_entry(os.path.join(venv_dir, bin_name)), saved['PATH'])

    save('PYTHONHOME')
    if 'PYTHONHOME' in env:
        del env['PYTHONHOME']

    # Libraries built into the environment come first for pkg-config too.
    save('PKG_CONFIG_PATH')
    env['PKG_CONFIG_PATH'] = prepended(
        as_entry(os.path.join(venv_dir, lib_name, 'pkgconfig')), saved['PKG_CONFIG_PATH'])

    # The prompt shows "(NAME) " in front. xonsh's prompts show the active environment through
    # the {env_name} field, so that field gives "(NAME) " while this one is active, and a
    # prompt without the field gets it in front. The name is the field's value, never part
    # of the prompt template, so nothing in it is read as a field or a variable; braces are
    # doubled because xonsh reads the drawn prompt once more for {COLOR} names.
    fields = env['PROMPT_FIELDS']
    # (the field's old value,) while this script has replaced the field, else None
    field_before = None
    if not env.get('VIRTUAL_ENV_DISABLE_PROMPT'):
        field_before = (fields['env_name'] if 'env_name' in fields else missing,)
        shown = '(' + prompt_name.replace('{', '{{').replace('}', '}}') + ') '
        fields['env_name'] = lambda: shown
        save('PROMPT')
        old_prompt = saved['PROMPT']
        if callable(old_prompt):
            def prompt_with_name():
                template = old_prompt()
                return template if '{env_name' in template else '{env_name}' + template
            env['PROMPT'] = prompt_with_name
        elif old_prompt is missing:
            env['PROMPT'] = '{env_name}'
        elif '{env_name' not in old_prompt:
            env['PROMPT'] = '{env_name}' + old_prompt

    active = True

    def undo():
        nonlocal active, field_before
        if not active:
            return
        active = False
        for name in list(saved):
            put_back(name)
        if field_before is not None:
            if field_before[0] is not missing:
                fields['env_name'] = field_before[0]
            elif 'env_name' in fields:
                del fields['env_name']
            field_before = None
        for name in ('VIRTUAL_ENV', 'VIRTUAL_ENV_PROMPT', '_VIRTUAL_ENV_DOLLAR'):
            if name in env:
                del env[name]

    def deactivate(args=None):
        """Leave the virtual environment ("deactivate nondestructive" keeps this command)."""
        undo()
        if not args or args[0] != 'nondestructive':
            if 'deactivate' in aliases and aliases['deactivate'] is deactivate:
                del aliases['deactivate']

    deactivate.virtual_env_undo = undo
    aliases['deactivate'] = deactivate


_venv_activate(
    __VIRTUAL_ENV__,
    __VIRTUAL_PROMPT__,
    __BIN_NAME__,
    __LIB_NAME__,
    __RELOCATABLE__,
)
del _venv_activate
