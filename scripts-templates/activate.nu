# Puts this virtual environment first on PATH for the current nushell session.
# Load it with:  overlay use bin/activate.nu        Undo with: deactivate
#
# Everything is set inside the overlay, so hiding the overlay puts PATH, PYTHONHOME and the
# prompt back by itself. Written for nushell 0.108; only long-stable commands are used.

export-env {
    let venv_dir = __VIRTUAL_ENV__
    let venv_prompt = __VIRTUAL_PROMPT__
    let bin_dir = ([$venv_dir __BIN_NAME__] | path join)

    # Windows spells the variable "Path"; keep whichever spelling the session uses.
    let path_var = if ('Path' in $env) { 'Path' } else { 'PATH' }
    let old_path = ($env | get $path_var)
    # PATH is normally a list; split a plain string the way the OS would.
    let old_list = if (($old_path | describe) == 'string') {
        $old_path | split row (char esep)
    } else {
        $old_path
    }

    load-env {
        VIRTUAL_ENV: $venv_dir
        VIRTUAL_ENV_PROMPT: $venv_prompt
    }
    load-env { $path_var: ($old_list | prepend $bin_dir) }

    if ('PYTHONHOME' in $env) {
        hide-env PYTHONHOME
    }

    let quiet = ('VIRTUAL_ENV_DISABLE_PROMPT' in $env) and (($env.VIRTUAL_ENV_DISABLE_PROMPT | into string) != '')
    if not $quiet {
        let old_prompt = if ('PROMPT_COMMAND' in $env) { $env.PROMPT_COMMAND } else { '' }
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
