@echo off
rem Leaves the virtual environment activated by activate.bat in this cmd.exe session.

if defined _OLD_VIRTUAL_PROMPT (
    set "PROMPT=%_OLD_VIRTUAL_PROMPT%"
)
set _OLD_VIRTUAL_PROMPT=

if defined _OLD_VIRTUAL_PYTHONHOME (
    set "PYTHONHOME=%_OLD_VIRTUAL_PYTHONHOME%"
    set _OLD_VIRTUAL_PYTHONHOME=
)

if defined _OLD_VIRTUAL_PKG_CONFIG_PATH (
    set "PKG_CONFIG_PATH=%_OLD_VIRTUAL_PKG_CONFIG_PATH%"
) else if defined _OLD_VIRTUAL_PKG_CONFIG_UNSET (
    set PKG_CONFIG_PATH=
)
set _OLD_VIRTUAL_PKG_CONFIG_PATH=
set _OLD_VIRTUAL_PKG_CONFIG_UNSET=

if defined _OLD_VIRTUAL_PATH (
    set "PATH=%_OLD_VIRTUAL_PATH%"
)
set _OLD_VIRTUAL_PATH=

set VIRTUAL_ENV=
set VIRTUAL_ENV_PROMPT=
