# Puts this virtual environment first on PATH for the current csh or tcsh session.
# Load it with:  source bin/activate.csh        Undo with: deactivate
#
# csh expands every variable on a line before running any of it, so the alias below tests with
# "&&" chains (each command is expanded only when reached) instead of one-line ifs.

# A relocatable environment (--relocatable) cannot look for itself here: csh has no way to learn
# the path of the file it is sourcing. When the environment is no longer where it was created,
# say so on one line and change nothing.
set _venv_relocatable = __RELOCATABLE__
set _venv_recorded = __VIRTUAL_ENV__
if ( "$_venv_relocatable" != '' ) then
    if ( ! -f "$_venv_recorded/pyvenv.cfg" || ! -f "$_venv_recorded/"__BIN_NAME__"/activate.csh" ) then
        printf '%s\n' "activate.csh: this environment was moved or copied from $_venv_recorded and csh cannot tell where it is now, so nothing was changed; use 'source NEW_PLACE/bin/activate' from sh, bash or zsh (or activate.fish, activate.nu), or run 'virtualenv --relocatable NEW_PLACE' to rewrite activate.csh for its new place" >>& /dev/stderr
        goto _venv_done
    endif
endif

alias deactivate 'test $?_OLD_VIRTUAL_PATH = 1 && setenv PATH "$_OLD_VIRTUAL_PATH:q" && unset _OLD_VIRTUAL_PATH; test $?_OLD_VIRTUAL_PYTHONHOME = 1 && setenv PYTHONHOME "$_OLD_VIRTUAL_PYTHONHOME:q" && unset _OLD_VIRTUAL_PYTHONHOME; test $?_OLD_VIRTUAL_PKG_CONFIG_PATH = 1 && setenv PKG_CONFIG_PATH "$_OLD_VIRTUAL_PKG_CONFIG_PATH:q" && unset _OLD_VIRTUAL_PKG_CONFIG_PATH; test $?_OLD_VIRTUAL_PKG_CONFIG_UNSET = 1 && unsetenv PKG_CONFIG_PATH && unset _OLD_VIRTUAL_PKG_CONFIG_UNSET; test $?_OLD_VIRTUAL_PROMPT = 1 && set prompt="$_OLD_VIRTUAL_PROMPT:q" && unset _OLD_VIRTUAL_PROMPT; unsetenv VIRTUAL_ENV; unsetenv VIRTUAL_ENV_PROMPT; rehash; test "\!*" = nondestructive || unalias deactivate'

# Leave any environment that is active now, keeping the alias.
deactivate nondestructive

setenv VIRTUAL_ENV __VIRTUAL_ENV__
setenv VIRTUAL_ENV_PROMPT __VIRTUAL_PROMPT__

set _OLD_VIRTUAL_PATH="$PATH:q"
setenv PATH __VIRTUAL_ENV__/__BIN_NAME__:"$PATH:q"

if ( $?PYTHONHOME ) then
    set _OLD_VIRTUAL_PYTHONHOME="$PYTHONHOME:q"
    unsetenv PYTHONHOME
endif

# pkg-config looks in the environment's libraries first; an empty old value adds nothing.
if ( $?PKG_CONFIG_PATH ) then
    set _OLD_VIRTUAL_PKG_CONFIG_PATH="$PKG_CONFIG_PATH:q"
else
    set _OLD_VIRTUAL_PKG_CONFIG_UNSET = 1
    setenv PKG_CONFIG_PATH ''
endif
if ( "$PKG_CONFIG_PATH:q" == '' ) then
    setenv PKG_CONFIG_PATH __VIRTUAL_ENV__/__LIB_NAME__/pkgconfig
else
    setenv PKG_CONFIG_PATH __VIRTUAL_ENV__/__LIB_NAME__/pkgconfig:"$PKG_CONFIG_PATH:q"
endif

# Only interactive shells have a prompt. csh shows '!' in it as the event number; neither shell
# runs commands from the prompt text. tcsh reads %-sequences in it (%n is the user, %/ the
# directory), so there the name's own % signs are doubled to be shown as written.
set _venv_quiet = ''
if ( $?VIRTUAL_ENV_DISABLE_PROMPT ) then
    set _venv_quiet = "$VIRTUAL_ENV_DISABLE_PROMPT:q"
endif
if ( $?prompt && "$_venv_quiet" == '' ) then
    set _OLD_VIRTUAL_PROMPT="$prompt:q"
    set _venv_label = '('__VIRTUAL_PROMPT__') '
    if ( $?tcsh ) then
        set _venv_label = '('__VIRTUAL_PROMPT_PERCENT_ESCAPED__') '
    endif
    set prompt = "$_venv_label:q$prompt:q"
    unset _venv_label
endif
unset _venv_quiet

rehash

_venv_done:
unset _venv_relocatable _venv_recorded
