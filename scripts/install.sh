#!/usr/bin/env sh
# Installs a built notekit under PREFIX: the binary in bin/, the man page in
# share/man/man1/notekit.1 (scripts/manpage.py) and the completions of bash, zsh and fish in
# the folders those shells read under share/. Usage: scripts/install.sh NOTEKIT PREFIX
# (`make install` passes the release binary and $(DESTDIR)$(PREFIX)).
set -eu
binary=$1
prefix=$2
here=$(dirname "$0")
share="$prefix/share"
install -d "$prefix/bin" "$share/man/man1" "$share/bash-completion/completions" \
    "$share/zsh/site-functions" "$share/fish/vendor_completions.d"
install -m 755 "$binary" "$prefix/bin/notekit"
"$here/manpage.py" "$binary" > "$share/man/man1/notekit.1"
"$binary" --generate-completion-script bash > "$share/bash-completion/completions/notekit"
"$binary" --generate-completion-script zsh > "$share/zsh/site-functions/_notekit"
"$binary" --generate-completion-script fish > "$share/fish/vendor_completions.d/notekit.fish"
chmod 644 "$share/man/man1/notekit.1" "$share/bash-completion/completions/notekit" \
    "$share/zsh/site-functions/_notekit" "$share/fish/vendor_completions.d/notekit.fish"
echo "installed $prefix/bin/notekit, its man page and bash, zsh and fish completions"
