# Sourced-activation probe for csh and tcsh; same protocol as probe.sh. Commands whose output
# ends in a newline ("which", "alias", printenv) are recorded with it; the test strips exactly one.
printf '%s' "$PATH:q" > "$PROBE_OUT/before.path"

set prompt = 'base> '
setenv PYTHONHOME /saved/python/home
setenv PKG_CONFIG_PATH '/usr/lib/pkg config:/opt/pc'
source e1/bin/activate.csh
which python > "$PROBE_OUT/a1.python"
printf '%s' "$VIRTUAL_ENV:q" > "$PROBE_OUT/a1.virtual_env"
printf '%s' "$VIRTUAL_ENV_PROMPT:q" > "$PROBE_OUT/a1.virtual_env_prompt"
printf '%s' "$prompt:q" > "$PROBE_OUT/a1.ps1_shown"
if ( $?PYTHONHOME ) then
    printf '%s' "$PYTHONHOME:q" > "$PROBE_OUT/a1.pythonhome"
else
    printf '<unset>' > "$PROBE_OUT/a1.pythonhome"
endif
printf '%s' "$PATH:q" > "$PROBE_OUT/a1.path"
/usr/bin/printenv PKG_CONFIG_PATH > "$PROBE_OUT/a1.pkg_config_path" || printf '<unset>\n' > "$PROBE_OUT/a1.pkg_config_path"

source e2/bin/activate.csh
printf '%s' "$VIRTUAL_ENV:q" > "$PROBE_OUT/a2.virtual_env"
printf '%s' "$PATH:q" > "$PROBE_OUT/a2.path"
printf '%s' "$prompt:q" > "$PROBE_OUT/a2.ps1_shown"
/usr/bin/printenv PKG_CONFIG_PATH > "$PROBE_OUT/a2.pkg_config_path" || printf '<unset>\n' > "$PROBE_OUT/a2.pkg_config_path"

deactivate
printf '%s' "$PATH:q" > "$PROBE_OUT/d.path"
printf '%s' "$prompt:q" > "$PROBE_OUT/d.ps1"
if ( $?PYTHONHOME ) then
    printf '%s' "$PYTHONHOME:q" > "$PROBE_OUT/d.pythonhome"
else
    printf '<unset>' > "$PROBE_OUT/d.pythonhome"
endif
if ( $?VIRTUAL_ENV ) then
    printf 'set' > "$PROBE_OUT/d.virtual_env"
else
    printf '<unset>' > "$PROBE_OUT/d.virtual_env"
endif
alias deactivate > "$PROBE_OUT/d.deactivate"
/usr/bin/printenv PKG_CONFIG_PATH > "$PROBE_OUT/d.pkg_config_path" || printf '<unset>\n' > "$PROBE_OUT/d.pkg_config_path"

unsetenv PYTHONHOME
unsetenv PKG_CONFIG_PATH
setenv VIRTUAL_ENV_DISABLE_PROMPT 1
source e1/bin/activate.csh
printf '%s' "$prompt:q" > "$PROBE_OUT/q.ps1"
if ( $?PYTHONHOME ) then
    printf 'set' > "$PROBE_OUT/q.pythonhome"
else
    printf '<unset>' > "$PROBE_OUT/q.pythonhome"
endif
/usr/bin/printenv PKG_CONFIG_PATH > "$PROBE_OUT/q.pkg_config_path" || printf '<unset>\n' > "$PROBE_OUT/q.pkg_config_path"
deactivate nondestructive
alias deactivate > "$PROBE_OUT/q.nondestructive"
deactivate
if ( $?PKG_CONFIG_PATH ) then
    printf 'set' > "$PROBE_OUT/qd.pkg_config_path"
else
    printf '<unset>' > "$PROBE_OUT/qd.pkg_config_path"
endif
unsetenv VIRTUAL_ENV_DISABLE_PROMPT
if ( $?PYTHONHOME ) then
    printf 'set' > "$PROBE_OUT/u.pythonhome"
else
    printf '<unset>' > "$PROBE_OUT/u.pythonhome"
endif

# PKG_CONFIG_PATH set but empty: the environment's directory alone, then empty again.
setenv PKG_CONFIG_PATH ''
source e1/bin/activate.csh
/usr/bin/printenv PKG_CONFIG_PATH > "$PROBE_OUT/e.pkg_config_path" || printf '<unset>\n' > "$PROBE_OUT/e.pkg_config_path"
deactivate
/usr/bin/printenv PKG_CONFIG_PATH > "$PROBE_OUT/ed.pkg_config_path" || printf '<unset>\n' > "$PROBE_OUT/ed.pkg_config_path"

printf 'yes' > "$PROBE_OUT/done"
