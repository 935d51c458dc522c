# Puts this virtual environment first on PATH for the current fish session (fish 3).
# Load it with:  source bin/activate.fish        Undo with: deactivate

function deactivate --description 'Leave the virtual environment'
    if set -q _OLD_VIRTUAL_PATH
        set -gx PATH $_OLD_VIRTUAL_PATH
        set -e _OLD_VIRTUAL_PATH
    end
    if set -q _OLD_VIRTUAL_PYTHONHOME
        set -gx PYTHONHOME $_OLD_VIRTUAL_PYTHONHOME
        set -e _OLD_VIRTUAL_PYTHONHOME
    end
    if set -q _OLD_VIRTUAL_PKG_CONFIG_PATH
        set -gx PKG_CONFIG_PATH $_OLD_VIRTUAL_PKG_CONFIG_PATH
        set -e _OLD_VIRTUAL_PKG_CONFIG_PATH
    else if set -q _OLD_VIRTUAL_PKG_CONFIG_UNSET
        set -e PKG_CONFIG_PATH
    end
    set -e _OLD_VIRTUAL_PKG_CONFIG_UNSET
    if functions -q _old_fish_prompt
        # Put the user's prompt function back under its own name
        functions -e fish_prompt
        functions -c _old_fish_prompt fish_prompt
        functions -e _old_fish_prompt
    end
    functions -e _venv_return
    set -e VIRTUAL_ENV
    set -e VIRTUAL_ENV_PROMPT
    if test "$argv[1]" != nondestructive
        functions -e deactivate
    end
end

# Leave any environment that is active now, keeping this function.
deactivate nondestructive

# Where the environment was created. A relocatable one (--relocatable) first looks for itself
# next to this file, so it still works after being moved, copied or unpacked elsewhere; the
# recorded path is then only the fallback.
set -gx VIRTUAL_ENV __VIRTUAL_ENV__
set -l _venv_relocatable __RELOCATABLE__
if test -n "$_venv_relocatable"
    # string collect keeps a name with spaces or newlines in one piece
    set -l _venv_bin (status dirname | string collect)
    set -l _venv_dir (builtin realpath -- "$_venv_bin/.." 2>/dev/null | string collect)
    if test -n "$_venv_dir" -a -f "$_venv_dir/pyvenv.cfg"
        set -gx VIRTUAL_ENV $_venv_dir
    end
end
set -gx VIRTUAL_ENV_PROMPT __VIRTUAL_PROMPT__

set -g _OLD_VIRTUAL_PATH $PATH
set -gx PATH $VIRTUAL_ENV/__BIN_NAME__ $PATH

if set -q PYTHONHOME
    set -g _OLD_VIRTUAL_PYTHONHOME $PYTHONHOME
    set -e PYTHONHOME
end

# pkg-config looks in the environment's libraries first; an empty old value adds nothing.
# fish keeps any variable named *PATH as a list split on ':', so the old value is copied and
# put back as that list and exported joined again.
if set -q PKG_CONFIG_PATH
    set -g _OLD_VIRTUAL_PKG_CONFIG_PATH $PKG_CONFIG_PATH
else
    set -g _OLD_VIRTUAL_PKG_CONFIG_UNSET 1
end
if test -n "$PKG_CONFIG_PATH"
    set -gx PKG_CONFIG_PATH $VIRTUAL_ENV/__LIB_NAME__/pkgconfig $PKG_CONFIG_PATH
else
    set -gx PKG_CONFIG_PATH $VIRTUAL_ENV/__LIB_NAME__/pkgconfig
end

if test -z "$VIRTUAL_ENV_DISABLE_PROMPT"
    # fish may not have loaded a prompt yet (non-interactive, or a fresh config): start from an
    # empty one so deactivate has something to restore.
    if not functions -q fish_prompt
        function fish_prompt
        end
    end
    functions -c fish_prompt _old_fish_prompt

    # Lets the old prompt see the status of the user's last command, which many prompts show.
    function _venv_return
        return $argv[1]
    end

    function fish_prompt --description 'Prompt with the virtual environment name in front'
        set -l last_status $status
        # printf's format is fixed; the name is only ever an argument
        printf '(%s) ' $VIRTUAL_ENV_PROMPT
        _venv_return $last_status
        _old_fish_prompt
    end
end
