# Same protocol as probe.sh. When activate.csh refuses (the environment moved), nothing may
# change: VIRTUAL_ENV stays unset, PATH stays as it was and there is no deactivate alias.
printf '%s' "$PATH:q" > "$PROBE_OUT/before.path"
source "$ENV_DIR/bin/activate.csh"
if ( $?VIRTUAL_ENV ) then
    printf '%s' "$VIRTUAL_ENV:q" > "$PROBE_OUT/virtual_env"
else
    printf '<unset>' > "$PROBE_OUT/virtual_env"
endif
printf '%s' "$PATH:q" > "$PROBE_OUT/path"
if ( $?PKG_CONFIG_PATH ) then
    printf '%s' "$PKG_CONFIG_PATH:q" > "$PROBE_OUT/pkg_config_path"
else
    printf '<unset>' > "$PROBE_OUT/pkg_config_path"
endif
alias deactivate > "$PROBE_OUT/alias"
if ( $?VIRTUAL_ENV ) then
    # which ends its output with a newline; the test strips exactly one
    which python > "$PROBE_OUT/python"
    deactivate
endif
printf '%s' "$PATH:q" > "$PROBE_OUT/d.path"
if ( $?VIRTUAL_ENV ) then
    printf '%s' "$VIRTUAL_ENV:q" > "$PROBE_OUT/d.virtual_env"
else
    printf '<unset>' > "$PROBE_OUT/d.virtual_env"
endif
if ( $?PKG_CONFIG_PATH ) then
    printf '%s' "$PKG_CONFIG_PATH:q" > "$PROBE_OUT/d.pkg_config_path"
else
    printf '<unset>' > "$PROBE_OUT/d.pkg_config_path"
endif
printf 'yes' > "$PROBE_OUT/done"
