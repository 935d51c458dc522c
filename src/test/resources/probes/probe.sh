# Sourced-activation probe for POSIX shells. Run with the working directory holding e1 and e2
# (links to two environments) and PROBE_OUT naming an empty directory. Each observation is
# written byte-exact to its own file so the test compares bytes, not shell output parsing.
record () {
    printf '%s' "$2" > "$PROBE_OUT/$1"
}
shown_prompt () {
    # What the shell would draw, where it can say so without a terminal.
    case $PROBE_SHELL in
        bash) eval 'printf "%s" "${PS1@P}"' ;;
        zsh) eval 'print -rn -- "${(%)PS1}"' ;;
        *) printf '%s' "${PS1-}" ;;
    esac
}
found_python () {
    # ksh93 prints the path shell-quoted; read its quoting back with ksh itself
    if [ "$PROBE_SHELL" = ksh ]; then
        eval "printf '%s' $(command -v python)"
    else
        command -v python
    fi
}
unset_or () {
    eval "if [ -n \"\${$1+set}\" ]; then printf '%s' \"\$$1\"; else printf '<unset>'; fi"
}
exported_or () {
    # What a child process sees, newline-terminated; the test strips exactly one newline.
    /usr/bin/printenv "$1" > "$PROBE_OUT/$2" || printf '<unset>\n' > "$PROBE_OUT/$2"
}

record before.path "$PATH"

# 1. Normal use, PS1, PYTHONHOME and PKG_CONFIG_PATH (with a space) set beforehand.
PS1='base> '
PYTHONHOME=/saved/python/home
PKG_CONFIG_PATH='/usr/lib/pkg config:/opt/pc'
export PYTHONHOME PKG_CONFIG_PATH
. ./e1/bin/activate
record a1.python "$(found_python)"
record a1.virtual_env "$VIRTUAL_ENV"
record a1.virtual_env_prompt "$VIRTUAL_ENV_PROMPT"
record a1.ps1_shown "$(shown_prompt)"
record a1.pythonhome "$(unset_or PYTHONHOME)"
record a1.path "$PATH"
record a1.exported "$(/usr/bin/env | grep -c '^VIRTUAL_ENV=')"
exported_or PKG_CONFIG_PATH a1.pkg_config_path

# 2. A second environment replaces the first.
. ./e2/bin/activate
record a2.virtual_env "$VIRTUAL_ENV"
record a2.path "$PATH"
record a2.ps1_shown "$(shown_prompt)"
exported_or PKG_CONFIG_PATH a2.pkg_config_path

# 3. deactivate puts everything back and removes itself.
deactivate
record d.path "$PATH"
record d.ps1 "$(unset_or PS1)"
record d.pythonhome "$(unset_or PYTHONHOME)"
record d.virtual_env "$(unset_or VIRTUAL_ENV)"
record d.virtual_env_prompt "$(unset_or VIRTUAL_ENV_PROMPT)"
record d.deactivate "$(command -v deactivate || printf gone)"
exported_or PKG_CONFIG_PATH d.pkg_config_path

# 4. Prompt disabled, PS1, PYTHONHOME and PKG_CONFIG_PATH unset beforehand; nondestructive
# keeps the function.
unset PS1 PYTHONHOME PKG_CONFIG_PATH
VIRTUAL_ENV_DISABLE_PROMPT=1
. ./e1/bin/activate
record q.ps1 "$(unset_or PS1)"
record q.pythonhome "$(unset_or PYTHONHOME)"
exported_or PKG_CONFIG_PATH q.pkg_config_path
deactivate nondestructive
record q.nondestructive "$(command -v deactivate || printf gone)"
deactivate
record qd.pkg_config_path "$(unset_or PKG_CONFIG_PATH)"
unset VIRTUAL_ENV_DISABLE_PROMPT

# 5. PS1 unset beforehand with the prompt enabled: it is unset again afterwards.
. ./e1/bin/activate
record u.ps1_shown "$(shown_prompt)"
deactivate
record u.ps1 "$(unset_or PS1)"
record u.pythonhome "$(unset_or PYTHONHOME)"

# 6. PKG_CONFIG_PATH set but empty: the environment's directory alone, then empty again.
PKG_CONFIG_PATH=
export PKG_CONFIG_PATH
. ./e1/bin/activate
exported_or PKG_CONFIG_PATH e.pkg_config_path
deactivate
exported_or PKG_CONFIG_PATH ed.pkg_config_path

record done yes
