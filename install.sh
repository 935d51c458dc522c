#!/bin/sh
# Installs jvirtualenv (the virtualenv command, its man page, shell completions and documents)
# under a prefix, or removes what an earlier run installed there. Run it from the extracted
# release bundle, or from the source tree after the build. POSIX sh; see usage() below.
set -eu

# The launcher's second line: how a virtualenv file is recognised as ours.
MARKER='# jvirtualenv launcher'
# What was installed under the prefix, one "file REL" or "dir REL" line each (REL relative to the
# prefix); "dir" lines are the directories this script created, to be removed when empty.
MANIFEST=share/jvirtualenv/installed-files
# Bundle files that go elsewhere than the same path under the prefix.
DOC_DIR=share/doc/jvirtualenv

usage() {
    cat <<'EOF'
usage: install.sh [--prefix DIR] [--force]
       install.sh [--prefix DIR] --uninstall

Installs jvirtualenv under DIR (default: ~/.local):
  DIR/bin/virtualenv                                  the command (needs Java 17+ to run)
  DIR/share/man/man1/virtualenv.1                     its man page
  DIR/share/bash-completion/completions/virtualenv    completion for bash,
  DIR/share/zsh/site-functions/_virtualenv            zsh
  DIR/share/fish/vendor_completions.d/virtualenv.fish and fish
  DIR/share/doc/jvirtualenv/                          README, licence, the bundled wheels' licences
  DIR/share/jvirtualenv/                              this script and the list of installed files

  --prefix DIR  where to install (created if missing)
  --force       replace a DIR/bin/virtualenv (or another of these files) that is not ours,
                e.g. Python's virtualenv installed by pip --user
  --uninstall   remove exactly what an earlier install into DIR put there
  -h, --help    show this help
EOF
}

die() {
    printf 'install.sh: error: %s\n' "$*" >&2
    exit 1
}

say() {
    printf '%s\n' "$*"
}

# 'text' for a shell: what to show the user to paste.
quoted() {
    printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"
}

prefix=
force=
uninstall=
while [ $# -gt 0 ]; do
    case $1 in
        --prefix)
            [ $# -ge 2 ] || die "--prefix needs a directory"
            prefix=$2
            shift 2
            ;;
        --prefix=*) prefix=${1#--prefix=}; shift ;;
        --force) force=1; shift ;;
        --uninstall) uninstall=1; shift ;;
        -h | --help) usage; exit 0 ;;
        *) die "unknown argument '$1' (see install.sh --help)" ;;
    esac
done

if [ -z "$prefix" ]; then
    [ -n "${HOME:-}" ] || die "HOME is not set: give --prefix DIR"
    prefix=$HOME/.local
fi
case $prefix in
    *'
'*) die "the prefix contains a newline" ;;
    /*) ;;
    *) prefix=$(pwd)/$prefix ;;
esac
while [ "$prefix" != / ] && [ "${prefix%/}" != "$prefix" ]; do
    prefix=${prefix%/}
done

# A relative path from the manifest, refused if it could point outside the prefix.
checked() {
    case /$1/ in
        */../* | //*) die "$prefix/$MANIFEST lists '$1', which is not a path inside the prefix; fix or remove that line" ;;
    esac
    printf '%s' "$1"
}

# Is this path an installed launcher of ours (a file, not a link, with our marker line)?
is_our_launcher() {
    [ -f "$1" ] && [ ! -L "$1" ] && [ "$(sed -n '2{p;q;}' "$1" 2>/dev/null)" = "$MARKER" ]
}

# Did the manifest list this file as installed by us?
in_manifest() {
    [ -f "$prefix/$MANIFEST" ] && grep -Fqx "file $1" "$prefix/$MANIFEST"
}

# Is the file at REL ours to overwrite or remove?
is_ours() {
    if [ "$1" = bin/virtualenv ]; then
        is_our_launcher "$prefix/$1"
    else
        [ -f "$prefix/$1" ] && [ ! -L "$prefix/$1" ] && in_manifest "$1"
    fi
}

uninstall() {
    [ -f "$prefix/$MANIFEST" ] \
        || die "nothing to uninstall: $prefix/$MANIFEST does not exist (give the --prefix of the install)"
    # Deepest first, so a parent is tried after its children.
    dirs=$(sed -n 's/^dir //p' "$prefix/$MANIFEST" | LC_ALL=C sort -r)
    left=
    while IFS= read -r line; do
        case $line in
            'file '*)
                rel=$(checked "${line#file }")
                if [ ! -e "$prefix/$rel" ] && [ ! -L "$prefix/$rel" ]; then
                    continue
                elif [ "$rel" = bin/virtualenv ] && ! is_our_launcher "$prefix/$rel"; then
                    say "install.sh: left $prefix/$rel alone: it is no longer jvirtualenv's launcher" >&2
                    left=1
                else
                    rm -f "$prefix/$rel"
                fi
                ;;
        esac
    done <"$prefix/$MANIFEST"
    rm -f "$prefix/$MANIFEST"
    # A directory that holds anything else stays.
    printf '%s\n' "$dirs" | while IFS= read -r rel; do
        [ -n "$rel" ] || continue
        rel=$(checked "$rel")
        rmdir "$prefix/$rel" 2>/dev/null || true
    done
    if [ -n "$left" ]; then
        say "uninstalled jvirtualenv from $prefix, except what is listed above"
    else
        say "uninstalled jvirtualenv from $prefix"
    fi
}

if [ -n "$uninstall" ]; then
    uninstall
    exit 0
fi

# --- install ---------------------------------------------------------------------------------

here=$(CDPATH='' cd -- "$(dirname -- "$0")" && pwd -P)
if [ -f "$here/bin/virtualenv" ]; then
    bundle=$here
else
    # The source tree: the bundle the build staged in target/.
    bundle=
    for candidate in "$here"/target/jvirtualenv-*; do
        if [ -f "$candidate/bin/virtualenv" ]; then
            [ -z "$bundle" ] || die "several built bundles in $here/target: run mvn clean package"
            bundle=$candidate
        fi
    done
    [ -n "$bundle" ] || die "no bin/virtualenv next to install.sh and no built bundle in $here/target: build one with 'mvn -q -DskipTests package', or run the install.sh of an extracted release bundle"
fi
is_our_launcher "$bundle/bin/virtualenv" || die "$bundle/bin/virtualenv is not a jvirtualenv launcher"

# Bundle file (relative to the bundle) to where it goes (relative to the prefix), one "SRC<TAB>DEST" a line.
tab=$(printf '\t')
plan=$(
    cd "$bundle"
    find bin share -type f | LC_ALL=C sort | while IFS= read -r rel; do
        printf '%s\t%s\n' "$rel" "$rel"
    done
    for doc in LICENSE README.md; do
        [ -f "$doc" ] && printf '%s\t%s\n' "$doc" "$DOC_DIR/$doc"
    done
    printf '%s\t%s\n' install.sh share/jvirtualenv/install.sh
)

# Refuse before writing anything.
conflicts=
while IFS="$tab" read -r src dest; do
    target=$prefix/$dest
    if [ -d "$target" ] && [ ! -L "$target" ]; then
        die "$target is a directory; move it away first"
    fi
    if { [ -e "$target" ] || [ -L "$target" ]; } && ! is_ours "$dest"; then
        conflicts="$conflicts  $target
"
    fi
done <<EOF
$plan
EOF
if [ -n "$conflicts" ] && [ -z "$force" ]; then
    printf 'install.sh: error: these files exist and are not jvirtualenv'"'"'s (Python'"'"'s virtualenv installed by pip?):\n%sLeft everything as it was. Use --force to replace them, or choose another --prefix.\n' "$conflicts" >&2
    exit 1
fi

mkdir -p "$prefix" || die "cannot create $prefix"
old_dirs=
old_files=
if [ -f "$prefix/$MANIFEST" ]; then
    old_dirs=$(sed -n 's/^dir //p' "$prefix/$MANIFEST")
    old_files=$(sed -n 's/^file //p' "$prefix/$MANIFEST")
fi
new_dirs=
new_files=

# Creates the directories of REL's path that are missing, noting each one.
make_dirs() {
    path=
    rest=$1
    while :; do
        case $rest in
            */*) part=${rest%%/*}; rest=${rest#*/} ;;
            *) break ;;
        esac
        path=${path:+$path/}$part
        if [ ! -d "$prefix/$path" ]; then
            mkdir "$prefix/$path" || die "cannot create $prefix/$path"
            new_dirs="$new_dirs$path
"
        fi
    done
}

while IFS="$tab" read -r src dest; do
    make_dirs "$dest"
    case $dest in
        bin/* | */install.sh) mode=755 ;;
        *) mode=644 ;;
    esac
    # Copy beside, then rename over: a link in the way is replaced, never followed.
    tmp="$prefix/$dest.install-$$"
    cp "$bundle/$src" "$tmp" && chmod "$mode" "$tmp" && mv -f "$tmp" "$prefix/$dest" \
        || { rm -f "$tmp"; die "cannot install $prefix/$dest"; }
    new_files="$new_files$dest
"
done <<EOF
$plan
EOF

# Files an earlier version installed that this one does not have.
printf '%s\n' "$old_files" | while IFS= read -r rel; do
    [ -n "$rel" ] || continue
    rel=$(checked "$rel")
    case "
$new_files" in
        *"
$rel
"*) ;;
        *) if [ "$rel" != bin/virtualenv ] || is_our_launcher "$prefix/$rel"; then rm -f "$prefix/$rel"; fi ;;
    esac
done

{
    printf '%s\n' "$old_dirs" "$new_dirs" | sed '/^$/d' | LC_ALL=C sort -u | sed 's/^/dir /'
    printf '%s' "$new_files" | sed 's/^/file /'
} >"$prefix/$MANIFEST.new-$$" && mv -f "$prefix/$MANIFEST.new-$$" "$prefix/$MANIFEST" \
    || die "cannot write $prefix/$MANIFEST"

say "installed jvirtualenv into $prefix:"
say "  $prefix/bin/virtualenv"
say "  $prefix/share/man/man1/virtualenv.1 and shell completions for bash, zsh and fish"
say "to remove it: sh $(quoted "$prefix/share/jvirtualenv/install.sh") --prefix $(quoted "$prefix") --uninstall"

if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    :
elif command -v java >/dev/null 2>&1; then
    :
else
    say ""
    say "note: no java found (JAVA_HOME, PATH): virtualenv needs a Java 17 or newer runtime to run."
fi

case ":${PATH:-}:" in
    *":$prefix/bin:"*) ;;
    *)
        say ""
        say "$prefix/bin is not on your PATH. Add it, e.g. at the end of ~/.profile (sh, bash) or ~/.zshrc:"
        say "    export PATH=$(quoted "$prefix/bin"):\"\$PATH\""
        say "and in fish:"
        say "    fish_add_path $(quoted "$prefix/bin")"
        say "With it on PATH, man finds the man page, and bash-completion the bash completion (without"
        say "bash-completion, source $(quoted "$prefix/share/bash-completion/completions/virtualenv") in ~/.bashrc)."
        ;;
esac
case $prefix in
    /usr/local | /usr) ;;
    *)
        say ""
        say "zsh completion: add this before compinit in ~/.zshrc:"
        say "    fpath=($(quoted "$prefix/share/zsh/site-functions") \$fpath)"
        ;;
esac
# fish reads vendor_completions.d under its user data directory and under each of XDG_DATA_DIRS.
case ":${XDG_DATA_HOME:-${HOME:-}/.local/share}:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}:" in
    *":$prefix/share:"*) ;;
    *)
        say ""
        say "fish completion: add this to ~/.config/fish/config.fish:"
        say "    set -p fish_complete_path $(quoted "$prefix/share/fish/vendor_completions.d")"
        ;;
esac
