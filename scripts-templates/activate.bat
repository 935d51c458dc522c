@echo off
rem Puts this virtual environment first on PATH for the current cmd.exe session.
rem Run it from cmd:  path\to\env\Scripts\activate.bat       Undo with: deactivate
rem
rem Each value below is a double-quoted item of a "for" list and reaches its variable through
rem %%~v, which drops the quotes; cmd does not re-read the text it substitutes for %%~v.

rem The values below are UTF-8 and cmd reads a batch file in the console code page: switch to
rem UTF-8 while this file runs and put the user's code page back at the end.
for /f "tokens=2 delims=:." %%c in ('"%SystemRoot%\System32\chcp.com"') do set "_VENV_CODEPAGE=%%c"
if defined _VENV_CODEPAGE "%SystemRoot%\System32\chcp.com" 65001 >nul

rem Leave any environment that is active now.
if defined _OLD_VIRTUAL_PROMPT (
    set "PROMPT=%_OLD_VIRTUAL_PROMPT%"
) else (
    if not defined PROMPT set "PROMPT=$P$G"
    if not defined VIRTUAL_ENV_DISABLE_PROMPT set "_OLD_VIRTUAL_PROMPT=%PROMPT%"
)
if defined _OLD_VIRTUAL_PYTHONHOME (
    set "PYTHONHOME=%_OLD_VIRTUAL_PYTHONHOME%"
) else (
    if defined PYTHONHOME set "_OLD_VIRTUAL_PYTHONHOME=%PYTHONHOME%"
)
if defined _OLD_VIRTUAL_PATH (
    set "PATH=%_OLD_VIRTUAL_PATH%"
) else (
    set "_OLD_VIRTUAL_PATH=%PATH%"
)
rem cmd cannot hold an empty variable, so PKG_CONFIG_PATH is either a value or unset.
if defined _OLD_VIRTUAL_PKG_CONFIG_PATH (
    set "PKG_CONFIG_PATH=%_OLD_VIRTUAL_PKG_CONFIG_PATH%"
) else if defined _OLD_VIRTUAL_PKG_CONFIG_UNSET (
    set PKG_CONFIG_PATH=
) else if defined PKG_CONFIG_PATH (
    set "_OLD_VIRTUAL_PKG_CONFIG_PATH=%PKG_CONFIG_PATH%"
) else (
    set "_OLD_VIRTUAL_PKG_CONFIG_UNSET=1"
)

rem Where the environment was created. A relocatable one (--relocatable) first looks for itself
rem in the folder above the one holding this file, so it still works after being moved or
rem copied; the recorded path is then only the fallback.
for %%v in (__VIRTUAL_ENV__) do set "VIRTUAL_ENV=%%~v"
set _VENV_RELOCATABLE=
for %%v in (__RELOCATABLE__) do set "_VENV_RELOCATABLE=%%~v"
if defined _VENV_RELOCATABLE for %%d in ("%~dp0..") do if exist "%%~fd\pyvenv.cfg" set "VIRTUAL_ENV=%%~fd"
set _VENV_RELOCATABLE=
for %%v in (__VIRTUAL_PROMPT__) do set "VIRTUAL_ENV_PROMPT=%%~v"
for %%v in (__BIN_NAME__) do set "_VENV_BIN_NAME=%%~v"
for %%v in (__LIB_NAME__) do set "_VENV_LIB_NAME=%%~v"

set PYTHONHOME=
set "PATH=%VIRTUAL_ENV%\%_VENV_BIN_NAME%;%PATH%"
set _VENV_BIN_NAME=

rem pkg-config looks in the environment's libraries first.
if defined PKG_CONFIG_PATH set "PKG_CONFIG_PATH=%VIRTUAL_ENV%\%_VENV_LIB_NAME%\pkgconfig;%PKG_CONFIG_PATH%"
if not defined PKG_CONFIG_PATH set "PKG_CONFIG_PATH=%VIRTUAL_ENV%\%_VENV_LIB_NAME%\pkgconfig"
set _VENV_LIB_NAME=

rem cmd reads $-codes in PROMPT ($G is ">"), so a '$' in the name is written as "$$".
if not defined VIRTUAL_ENV_DISABLE_PROMPT set "PROMPT=(%VIRTUAL_ENV_PROMPT:$=$$%) %PROMPT%"

if defined _VENV_CODEPAGE "%SystemRoot%\System32\chcp.com" %_VENV_CODEPAGE% >nul
set _VENV_CODEPAGE=
