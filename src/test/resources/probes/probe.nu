# Activation probe for nushell; same protocol as probe.sh. Run from the directory holding e1
# and e2, because "overlay use" needs its path when the script is parsed.
def record [name: string, value: string] {
    $value | save --force ($env.PROBE_OUT | path join $name)
}
def unset-or [name: string] {
    if ($name in $env) { $env | get $name | into string } else { '<unset>' }
}
# What a child process sees, newline-terminated; the test strips exactly one newline.
def exported-or [name: string, file: string] {
    let seen = (^/usr/bin/printenv $name | complete)
    record $file (if $seen.exit_code == 0 { $seen.stdout } else { "<unset>\n" })
}
def path-string [] {
    $env.PATH | str join (char esep)
}

record before.path (path-string)

$env.PROMPT_COMMAND = {|| 'base> ' }
$env.PYTHONHOME = '/saved/python/home'
$env.PKG_CONFIG_PATH = '/usr/lib/pkg config:/opt/pc'
overlay use e1/bin/activate.nu
record a1.python ((which python).0.path)
record a1.virtual_env $env.VIRTUAL_ENV
record a1.virtual_env_prompt $env.VIRTUAL_ENV_PROMPT
record a1.ps1_shown (do $env.PROMPT_COMMAND)
record a1.pythonhome (unset-or PYTHONHOME)
record a1.path (path-string)
exported-or PKG_CONFIG_PATH a1.pkg_config_path

overlay use e2/bin/activate.nu
record a2.virtual_env $env.VIRTUAL_ENV
record a2.path (path-string)
record a2.ps1_shown (do $env.PROMPT_COMMAND)
exported-or PKG_CONFIG_PATH a2.pkg_config_path

deactivate
record d.path (path-string)
record d.ps1 (do $env.PROMPT_COMMAND)
record d.pythonhome (unset-or PYTHONHOME)
record d.virtual_env (unset-or VIRTUAL_ENV)
record d.virtual_env_prompt (unset-or VIRTUAL_ENV_PROMPT)
record d.deactivate (if ((scope aliases | where name == deactivate | length) > 0) { 'present' } else { 'gone' })
exported-or PKG_CONFIG_PATH d.pkg_config_path

hide-env PYTHONHOME
hide-env PKG_CONFIG_PATH
$env.VIRTUAL_ENV_DISABLE_PROMPT = '1'
overlay use e1/bin/activate.nu
record q.ps1 (do $env.PROMPT_COMMAND)
record q.pythonhome (unset-or PYTHONHOME)
exported-or PKG_CONFIG_PATH q.pkg_config_path
deactivate
record qd.pkg_config_path (unset-or PKG_CONFIG_PATH)
hide-env VIRTUAL_ENV_DISABLE_PROMPT
record u.pythonhome (unset-or PYTHONHOME)

# PKG_CONFIG_PATH set but empty: the environment's directory alone, then empty again.
$env.PKG_CONFIG_PATH = ''
overlay use e1/bin/activate.nu
exported-or PKG_CONFIG_PATH e.pkg_config_path
deactivate
exported-or PKG_CONFIG_PATH ed.pkg_config_path

record done 'yes'
