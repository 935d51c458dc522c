# Sourced-activation probe for fish; same protocol as probe.sh. Commands whose output ends in a
# newline ("command -v", "printenv") are recorded with it; the test strips exactly one.
function unset_or
    if set -q $argv[1]
        printf '%s' $$argv[1]
    else
        printf '<unset>'
    end
end

printenv PATH > $PROBE_OUT/before.path

# A prompt that shows the last status, to see that the wrapper passes it through.
function fish_prompt
    printf 'base[%s]> ' $status
end
set -gx PYTHONHOME /saved/python/home
source e1/bin/activate.fish
command -v python > $PROBE_OUT/a1.python
printf '%s' $VIRTUAL_ENV > $PROBE_OUT/a1.virtual_env
printf '%s' $VIRTUAL_ENV_PROMPT > $PROBE_OUT/a1.virtual_env_prompt
false
fish_prompt > $PROBE_OUT/a1.ps1_shown
unset_or PYTHONHOME > $PROBE_OUT/a1.pythonhome
printenv PATH > $PROBE_OUT/a1.path

source e2/bin/activate.fish
printf '%s' $VIRTUAL_ENV > $PROBE_OUT/a2.virtual_env
printenv PATH > $PROBE_OUT/a2.path
false
fish_prompt > $PROBE_OUT/a2.ps1_shown

deactivate
printenv PATH > $PROBE_OUT/d.path
false
fish_prompt > $PROBE_OUT/d.ps1
unset_or PYTHONHOME > $PROBE_OUT/d.pythonhome
unset_or VIRTUAL_ENV > $PROBE_OUT/d.virtual_env
unset_or VIRTUAL_ENV_PROMPT > $PROBE_OUT/d.virtual_env_prompt
if functions -q deactivate
    printf 'present' > $PROBE_OUT/d.deactivate
else
    printf 'gone' > $PROBE_OUT/d.deactivate
end

set -e PYTHONHOME
set -gx VIRTUAL_ENV_DISABLE_PROMPT 1
source e1/bin/activate.fish
false
fish_prompt > $PROBE_OUT/q.ps1
unset_or PYTHONHOME > $PROBE_OUT/q.pythonhome
deactivate nondestructive
if functions -q deactivate
    printf 'present' > $PROBE_OUT/q.nondestructive
else
    printf 'gone' > $PROBE_OUT/q.nondestructive
end
deactivate
set -e VIRTUAL_ENV_DISABLE_PROMPT
unset_or PYTHONHOME > $PROBE_OUT/u.pythonhome

printf 'yes' > $PROBE_OUT/done
