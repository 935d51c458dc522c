# Same protocol as probe.sh.
printf '%s' "$PATH" > $PROBE_OUT/before.path
source $ENV_DIR/bin/activate.fish
if set -q VIRTUAL_ENV
    printf '%s' "$VIRTUAL_ENV" > $PROBE_OUT/virtual_env
else
    printf '<unset>' > $PROBE_OUT/virtual_env
end
printf '%s' "$PATH" > $PROBE_OUT/path
if set -q PKG_CONFIG_PATH
    printf '%s' "$PKG_CONFIG_PATH" > $PROBE_OUT/pkg_config_path
else
    printf '<unset>' > $PROBE_OUT/pkg_config_path
end
printf '%s' (command -v python | string collect) > $PROBE_OUT/python
deactivate
printf '%s' "$PATH" > $PROBE_OUT/d.path
if set -q VIRTUAL_ENV
    printf '%s' "$VIRTUAL_ENV" > $PROBE_OUT/d.virtual_env
else
    printf '<unset>' > $PROBE_OUT/d.virtual_env
end
if set -q PKG_CONFIG_PATH
    printf '%s' "$PKG_CONFIG_PATH" > $PROBE_OUT/d.pkg_config_path
else
    printf '<unset>' > $PROBE_OUT/d.pkg_config_path
end
printf 'yes' > $PROBE_OUT/done
