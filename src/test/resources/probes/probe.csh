# Sourced-activation probe for csh and tcsh; same protocol as probe.sh. Commands whose output
# ends in a newline ("which", "alias") are recorded with it; the test strips exactly one.
printf '%s' "$PATH:q" > "$PROBE_OUT/before.path"

set prompt = 'base> '
setenv PYTHONHOME /saved/python/home
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

source e2/bin/activate.csh
printf '%s' "$VIRTUAL_ENV:q" > "$PROBE_OUT/a2.virtual_env"
printf '%s' "$PATH:q" > "$PROBE_OUT/a2.path"
printf '%s' "$prompt:q" > "$PROBE_OUT/a2.ps1_shown"

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

unsetenv PYTHONHOME
setenv VIRTUAL_ENV_DISABLE_PROMPT 1
source e1/bin/activate.csh
printf '%s' "$prompt:q" > "$PROBE_OUT/q.ps1"
if ( $?PYTHONHOME ) then
    printf 'set' > "$PROBE_OUT/q.pythonhome"
else
    printf '<unset>' > "$PROBE_OUT/q.pythonhome"
endif
deactivate nondestructive
alias deactivate > "$PROBE_OUT/q.nondestructive"
deactivate
unsetenv VIRTUAL_ENV_DISABLE_PROMPT
if ( $?PYTHONHOME ) then
    printf 'set' > "$PROBE_OUT/u.pythonhome"
else
    printf '<unset>' > "$PROBE_OUT/u.pythonhome"
endif

printf 'yes' > "$PROBE_OUT/done"
