# Activation probe for nushell; same protocol as probe.sh. Run from the directory holding e1
# and e2, because "overlay use" needs its path when the script is parsed.
def record [name: string, value: string] {
    $value | save --force ($env.PROBE_OUT | path join $name)
}
def unset-or [name: string] {
    if ($name in $env) { $env | get $name | into string } else { '<unset>' }
}
def path-string [] {
    $env.PATH | str join (char esep)
}

record before.path (path-string)

$env.PROMPT_COMMAND = {|| 'base> ' }
$env.PYTHONHOME = '/saved/python/home'
overlay use e1/bin/activate.nu
record a1.python ((which python).0.path)
record a1.virtual_env $env.VIRTUAL_ENV
record a1.virtual_env_prompt $env.VIRTUAL_ENV_PROMPT
record a1.ps1_shown (do $env.PROMPT_COMMAND)
record a1.pythonhome (unset-or PYTHONHOME)
record a1.path (path-string)

overlay use e2/bin/activate.nu
record a2.virtual_env $env.VIRTUAL_ENV
record a2.path (path-string)
record a2.ps1_shown (do $env.PROMPT_COMMAND)

deactivate
record d.path (path-string)
record d.ps1 (do $env.PROMPT_COMMAND)
record d.pythonhome (unset-or PYTHONHOME)
record d.virtual_env (unset-or VIRTUAL_ENV)
record d.virtual_env_prompt (unset-or VIRTUAL_ENV_PROMPT)
record d.deactivate (if ((scope aliases | where name == deactivate | length) > 0) { 'present' } else { 'gone' })

hide-env PYTHONHOME
$env.VIRTUAL_ENV_DISABLE_PROMPT = '1'
overlay use e1/bin/activate.nu
record q.ps1 (do $env.PROMPT_COMMAND)
record q.pythonhome (unset-or PYTHONHOME)
deactivate
hide-env VIRTUAL_ENV_DISABLE_PROMPT
record u.pythonhome (unset-or PYTHONHOME)

record done 'yes'
