<#
.Synopsis
Puts this virtual environment first on PATH for the current PowerShell session.

.Description
Dot-source or run this script from PowerShell (Windows PowerShell 5.1 or PowerShell 7 on any
system):  & path\to\env\Scripts\Activate.ps1
The environment is located from this script's own path, so the parameters are only needed to
override it. Undo with "deactivate"; "deactivate -NonDestructive" undoes everything but keeps the
function.

.Parameter VenvDir
The environment to activate; defaults to the folder above the one holding this script.

.Parameter Prompt
The name shown in front of the prompt; defaults to the name chosen when the environment was
created.

.Example
Activate.ps1 -Prompt dev
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory = $false)][String] $VenvDir,
    [Parameter(Mandatory = $false)][String] $Prompt
)

function global:deactivate ([switch] $NonDestructive) {
    # Restore what activation replaced; absence of a saved copy means "was not set".
    if (Test-Path -LiteralPath function:_OLD_VIRTUAL_PROMPT) {
        Copy-Item -LiteralPath function:_OLD_VIRTUAL_PROMPT -Destination function:prompt
        Remove-Item -LiteralPath function:_OLD_VIRTUAL_PROMPT
    }
    if (Test-Path -LiteralPath env:_OLD_VIRTUAL_PYTHONHOME) {
        Copy-Item -LiteralPath env:_OLD_VIRTUAL_PYTHONHOME -Destination env:PYTHONHOME
        Remove-Item -LiteralPath env:_OLD_VIRTUAL_PYTHONHOME
    }
    if (Test-Path -LiteralPath env:_OLD_VIRTUAL_PATH) {
        Copy-Item -LiteralPath env:_OLD_VIRTUAL_PATH -Destination env:PATH
        Remove-Item -LiteralPath env:_OLD_VIRTUAL_PATH
    }
    $OldPkgConfig = Get-Variable -Name '_OLD_VIRTUAL_PKG_CONFIG_PATH' -Scope Global -ErrorAction SilentlyContinue
    if ($OldPkgConfig) {
        if ($OldPkgConfig.Value) {
            $env:PKG_CONFIG_PATH = $OldPkgConfig.Value
        } elseif (Test-Path -LiteralPath env:PKG_CONFIG_PATH) {
            Remove-Item -LiteralPath env:PKG_CONFIG_PATH
        }
        Remove-Variable -Name '_OLD_VIRTUAL_PKG_CONFIG_PATH' -Scope Global -Force
    }
    foreach ($name in 'VIRTUAL_ENV', 'VIRTUAL_ENV_PROMPT') {
        if (Test-Path -LiteralPath "env:$name") {
            Remove-Item -LiteralPath "env:$name"
        }
    }
    if (Get-Variable -Name '_PYTHON_VENV_PROMPT_PREFIX' -Scope Global -ErrorAction SilentlyContinue) {
        Remove-Variable -Name '_PYTHON_VENV_PROMPT_PREFIX' -Scope Global -Force
    }
    if (-not $NonDestructive) {
        Remove-Item -LiteralPath function:deactivate
    }
}

# Leave any environment that is active now, keeping the function.
deactivate -NonDestructive

# The location comes from where this script is, so a copied or moved tree still works.
if (-not $VenvDir) {
    $ScriptDir = Split-Path -Parent $MyInvocation.MyCommand.Definition
    $VenvDir = Split-Path -Parent $ScriptDir
}
$VenvDir = $VenvDir.TrimEnd('\', '/')

if (-not $Prompt) {
    $Prompt = __VIRTUAL_PROMPT__
}

$env:VIRTUAL_ENV = $VenvDir
$env:VIRTUAL_ENV_PROMPT = $Prompt

# The name is kept in a variable and only ever written as data by the prompt function.
if (-not $env:VIRTUAL_ENV_DISABLE_PROMPT) {
    Copy-Item -LiteralPath function:prompt -Destination function:_OLD_VIRTUAL_PROMPT
    New-Variable -Name '_PYTHON_VENV_PROMPT_PREFIX' -Description 'Python virtual environment prompt prefix' `
        -Scope Global -Option ReadOnly -Visibility Public -Value $Prompt -Force

    function global:prompt {
        Write-Host -NoNewline -ForegroundColor Green "($_PYTHON_VENV_PROMPT_PREFIX) "
        _OLD_VIRTUAL_PROMPT
    }
}

if (Test-Path -LiteralPath env:PYTHONHOME) {
    Copy-Item -LiteralPath env:PYTHONHOME -Destination env:_OLD_VIRTUAL_PYTHONHOME
    Remove-Item -LiteralPath env:PYTHONHOME
}

# pkg-config looks in the environment's libraries first. PowerShell treats an empty
# environment variable as an unset one, so "unset" covers both and deactivate removes it again.
New-Variable -Name '_OLD_VIRTUAL_PKG_CONFIG_PATH' -Scope Global -Value $env:PKG_CONFIG_PATH -Force
$PkgConfigDir = Join-Path -Path (Join-Path -Path $VenvDir -ChildPath __LIB_NAME__) -ChildPath 'pkgconfig'
if ($env:PKG_CONFIG_PATH) {
    $env:PKG_CONFIG_PATH = $PkgConfigDir + [System.IO.Path]::PathSeparator + $env:PKG_CONFIG_PATH
} else {
    $env:PKG_CONFIG_PATH = $PkgConfigDir
}

Copy-Item -LiteralPath env:PATH -Destination env:_OLD_VIRTUAL_PATH
$env:PATH = (Join-Path -Path $VenvDir -ChildPath __BIN_NAME__) + [System.IO.Path]::PathSeparator + $env:PATH
