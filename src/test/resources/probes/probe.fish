# Sourced-activation probe for fish; same protocol as probe.sh. Commands whose output ends in a
# newline ("command -v", "printenv") are recorded with it; the test strips exactly one.
function exported_or
    # What a child process sees, newline-terminated; the test strips exactly one newline.
    /usr/bin/printenv $argv[1] > $PROBE_OUT/$argv[2]; or printf '<unset>\n' > $PROBE_OUT/$argv[2]
end

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
set -gx PKG_CONFIG_PATH '/usr/lib/pkg config:/opt/pc'
source e1/bin/activate.fish
command -v python > $PROBE_OUT/a1.python
printf '%s' $VIRTUAL_ENV > $PROBE_OUT/a1.virtual_env
printf '%s' $VIRTUAL_ENV_PROMPT > $PROBE_OUT/a1.virtual_env_prompt
false
fish_prompt > $PROBE_OUT/a1.ps1_shown
unset_or PYTHONHOME > $PROBE_OUT/a1.pythonhome
printenv PATH > $PROBE_OUT/a1.path
exported_or PKG_CONFIG_PATH a1.pkg_config_path

source e2/bin/activate.fish
printf '%s' $VIRTUAL_ENV > $PROBE_OUT/a2.virtual_env
printenv PATH > $PROBE_OUT/a2.path
false
fish_prompt > $PROBE_OUT/a2.ps1_shown
exported_or PKG_CONFIG_PATH a2.pkg_config_path

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
exported_or PKG_CONFIG_PATH d.pkg_config_path

set -e PYTHONHOME
set -e PKG_CONFIG_PATH
set -gx VIRTUAL_ENV_DISABLE_PROMPT 1
source e1/bin/activate.fish
false
fish_prompt > $PROBE_OUT/q.ps1
unset_or PYTHONHOME > $PROBE_OUT/q.pythonhome
exported_or PKG_CONFIG_PATH q.pkg_config_path
deactivate nondestructive
if functions -q deactivate
    printf 'present' > $PROBE_OUT/q.nondestructive
else
    printf 'gone' > $PROBE_OUT/q.nondestructive
end
deactivate
unset_or PKG_CONFIG_PATH > $PROBE_OUT/qd.pkg_config_path
set -e VIRTUAL_ENV_DISABLE_PROMPT
unset_or PYTHONHOME > $PROBE_OUT/u.pythonhome

# PKG_CONFIG_PATH set but empty: the environment's directory alone, then empty again.
set -gx PKG_CONFIG_PATH ''
source e1/bin/activate.fish
exported_or PKG_CONFIG_PATH e.pkg_config_path
deactivate
exported_or PKG_CONFIG_PATH ed.pkg_config_path

printf 'yes' > $PROBE_OUT/done
