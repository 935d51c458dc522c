# zsh -f complete.zsh LINE: types LINE, TAB and Ctrl-X into an interactive zsh (start-up file:
# zshrc, in $ZDOTDIR) running in a pseudo-terminal, and waits for its report in $PROBE/out.
zmodload zsh/zpty
rm -f "$PROBE/out"
zpty probe zsh -i
zpty -w -n probe "$1"$'\t\C-x'
integer waited=0
until grep -q '^end$' "$PROBE/out" 2>/dev/null || (( waited++ > 200 )); do
    sleep 0.05
done
zpty -d probe
cat "$PROBE/out" 2>/dev/null
