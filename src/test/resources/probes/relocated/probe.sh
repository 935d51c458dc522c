# Sources a relocated environment's activate from the path in ENV_DIR (never spelled out here)
# and records what changed, byte-exact, one file per observation in PROBE_OUT.
record () {
    printf '%s' "$2" > "$PROBE_OUT/$1"
}
found_python () {
    # ksh93 prints the path shell-quoted; read its quoting back with ksh itself
    if [ "$PROBE_SHELL" = ksh ]; then
        eval "printf '%s' $(command -v python)"
    else
        command -v python
    fi
}
record before.path "$PATH"
. "$ENV_DIR/bin/activate"
record virtual_env "${VIRTUAL_ENV-<unset>}"
record path "$PATH"
record python "$(found_python)"
record pkg_config_path "${PKG_CONFIG_PATH-<unset>}"
deactivate
record d.path "$PATH"
record d.virtual_env "${VIRTUAL_ENV-<unset>}"
record d.pkg_config_path "${PKG_CONFIG_PATH-<unset>}"
# In a subshell (dash and mksh must look at their own process, not $$), and from the bin
# directory by a relative name.
( . "$ENV_DIR/bin/activate"; record sub.virtual_env "${VIRTUAL_ENV-<unset>}" )
( cd "$ENV_DIR/bin" && . ./activate && record rel.virtual_env "${VIRTUAL_ENV-<unset>}" )
record done yes
