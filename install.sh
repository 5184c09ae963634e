#!/bin/sh
# Builds learning-tracker and installs it under PREFIX (default ~/.local): the executable in
# PREFIX/bin, its manual page in PREFIX/share/man/man1, and its bash, zsh and fish completion
# where those shells look under PREFIX/share.
#
#   ./install.sh [--debug] [PREFIX]
#
# --debug installs a debug build instead of a release build. LEARNING_TRACKER_BINARY=PATH installs
# that already built executable instead of building one (the tests use the build they have).
set -eu

usage() {
  echo "usage: ./install.sh [--debug] [PREFIX]   (PREFIX defaults to ~/.local; the tool goes in PREFIX/bin)"
}

configuration=release
prefix=""
for argument in "$@"; do
  case "$argument" in
    --debug) configuration=debug ;;
    --help | -h) usage; exit 0 ;;
    -*) echo "install.sh: unknown option $argument" >&2; usage >&2; exit 64 ;;
    *)
      if [ -n "$prefix" ]; then echo "install.sh: give one PREFIX" >&2; usage >&2; exit 64; fi
      prefix=$argument
      ;;
  esac
done
prefix=${prefix:-$HOME/.local}
here=$(cd "$(dirname "$0")" && pwd)

if [ -n "${LEARNING_TRACKER_BINARY:-}" ]; then
  binary=$LEARNING_TRACKER_BINARY
  configuration="already built, $binary"
else
  (cd "$here" && swift build -c "$configuration" --product learning-tracker)
  binary=$(cd "$here" && swift build -c "$configuration" --show-bin-path)/learning-tracker
fi
if [ ! -x "$binary" ]; then
  echo "install.sh: $binary is not an executable; nothing was installed" >&2
  exit 66
fi

bin=$prefix/bin
man=$prefix/share/man/man1
bash_completion=$prefix/share/bash-completion/completions
zsh_completion=$prefix/share/zsh/site-functions
fish_completion=$prefix/share/fish/vendor_completions.d
mkdir -p "$bin" "$man" "$bash_completion" "$zsh_completion" "$fish_completion"

# Copied beside the old one and renamed over it, so that a running copy is never overwritten.
cp "$binary" "$bin/.learning-tracker.new"
chmod 0755 "$bin/.learning-tracker.new"
mv -f "$bin/.learning-tracker.new" "$bin/learning-tracker"

"$bin/learning-tracker" manual >"$man/learning-tracker.1"
"$bin/learning-tracker" completion bash >"$bash_completion/learning-tracker"
"$bin/learning-tracker" completion zsh >"$zsh_completion/_learning-tracker"
"$bin/learning-tracker" completion fish >"$fish_completion/learning-tracker.fish"

echo "installed $bin/learning-tracker ($configuration build), its manual page and shell completion"
case ":${PATH:-}:" in
  *":$bin:"*) ;;
  *) echo "$bin is not on your PATH; add it with: export PATH=\"$bin:\$PATH\" (in ~/.profile to keep it)" ;;
esac
