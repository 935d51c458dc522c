# Same protocol as probe.sh. "overlay use" needs its path when the script is parsed, so the
# environment is reached through the link "e" in the working directory.
def record [name: string, value: string] {
    $value | save --force ($env.PROBE_OUT | path join $name)
}
def path-string [] {
    $env.PATH | str join (char esep)
}
def unset-or [name: string] {
    if ($name in $env) { $env | get $name | into string } else { '<unset>' }
}
record before.path (path-string)
overlay use e/bin/activate.nu
record virtual_env (unset-or VIRTUAL_ENV)
record path (path-string)
record python ((which python).0.path)
record pkg_config_path (unset-or PKG_CONFIG_PATH)
deactivate
record d.path (path-string)
record d.virtual_env (unset-or VIRTUAL_ENV)
record d.pkg_config_path (unset-or PKG_CONFIG_PATH)
record done 'yes'
