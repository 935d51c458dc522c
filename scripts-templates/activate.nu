# Puts this virtual environment first on PATH for the current nushell session.
# Load it with:  overlay use bin/activate.nu        Undo with: deactivate
#
# Everything is set inside the overlay, so hiding the overlay puts PATH, PYTHONHOME,
# PKG_CONFIG_PATH and the prompt back by itself, unsetting what was not set before. Written for nushell 0.108; only long-stable commands are used.

export-env {
    # Where the environment was created. A relocatable one (--relocatable) first looks for
    # itself next to this file (FILE_PWD: this file's directory, symlinks resolved), so it still
    # works after being moved, copied or unpacked elsewhere; the recorded path is the fallback.
    let recorded_dir = __VIRTUAL_ENV__
    let relocatable = __RELOCATABLE__
    let here = if ($relocatable != '') and ('FILE_PWD' in $env) { $env.FILE_PWD | path dirname } else { '' }
    let venv_dir = if ($here != '') and ($here | path join 'pyvenv.cfg' | path exists) { $here } else { $recorded_dir }
    let venv_prompt = __VIRTUAL_PROMPT__
    let bin_dir = ([$venv_dir __BIN_NAME__] | path join)

    # Windows spells the variable "Path"; keep whichever spelling the session uses.
    let path_var = if ('Path' in $env) { 'Path' } else { 'PATH' }
    # "overlay use" of a second environment re-enters this same overlay, so start from what was
    # there before the first one rather than stacking on it.
    let old_path = if ('_OLD_VIRTUAL_PATH' in $env) { $env._OLD_VIRTUAL_PATH } else { $env | get $path_var }
    # PATH is normally a list; split a plain string the way the OS would.
    let old_list = if (($old_path | describe) == 'string') {
        $old_path | split row (char esep)
    } else {
        $old_path
    }

    # pkg-config looks in the environment's libraries first; an empty old value adds nothing.
    # A second activation starts from the value before the first one, as PATH does.
    let pkg_config_dir = ([$venv_dir __LIB_NAME__ 'pkgconfig'] | path join)
    let old_pkg_config = if ('_OLD_VIRTUAL_PKG_CONFIG_PATH' in $env) {
        $env._OLD_VIRTUAL_PKG_CONFIG_PATH
    } else if ('PKG_CONFIG_PATH' in $env) {
        $env.PKG_CONFIG_PATH
    } else {
        ''
    }
    # A list when the user's config converts it like PATH; a string otherwise.
    let new_pkg_config = if (($old_pkg_config | describe) != 'string') {
        $old_pkg_config | prepend $pkg_config_dir
    } else if ($old_pkg_config == '') {
        $pkg_config_dir
    } else {
        $pkg_config_dir + (char esep) + $old_pkg_config
    }

    load-env {
        VIRTUAL_ENV: $venv_dir
        VIRTUAL_ENV_PROMPT: $venv_prompt
        _OLD_VIRTUAL_PATH: $old_path
        _OLD_VIRTUAL_PKG_CONFIG_PATH: $old_pkg_config
        PKG_CONFIG_PATH: $new_pkg_config
    }
    load-env { $path_var: ($old_list | prepend $bin_dir) }

    # hide-env here would also drop the user's own PYTHONHOME for good when the overlay is
    # hidden, so it is blanked inside the overlay instead: Python 3 ignores an empty PYTHONHOME.
    if ('PYTHONHOME' in $env) {
        $env.PYTHONHOME = ''
    }

    let quiet = ('VIRTUAL_ENV_DISABLE_PROMPT' in $env) and (($env.VIRTUAL_ENV_DISABLE_PROMPT | into string) != '')
    if not $quiet {
        let old_prompt = if ('_OLD_VIRTUAL_PROMPT_COMMAND' in $env) {
            $env._OLD_VIRTUAL_PROMPT_COMMAND
        } else if ('PROMPT_COMMAND' in $env) {
            $env.PROMPT_COMMAND
        } else {
            ''
        }
        $env._OLD_VIRTUAL_PROMPT_COMMAND = $old_prompt
        # The name is joined as data, never evaluated.
        let prefix = ('(' + $venv_prompt + ') ')
        let new_prompt = if (($old_prompt | describe) =~ '^closure') {
            {|| $prefix + (do $old_prompt) }
        } else {
            {|| $prefix + ($old_prompt | into string) }
        }
        $env.PROMPT_COMMAND = $new_prompt
    }
}

export alias deactivate = overlay hide activate
