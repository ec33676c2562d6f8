#!/usr/bin/env bash
# Fetches the metrics backends the fleet tests run, from Debian trixie through the machine's own
# Debian mirror, without installing them: `apt-get download` with a trixie source list kept in a
# temporary apt directory, then `dpkg-deb -x` into the cache (the Go binaries run as they are on
# bookworm). Idempotent: does nothing when the binaries are already there.
#   prometheus 2.53 (remote-write receiver), victoria-metrics 1.112
set -euo pipefail

dest="${VIGIL_TEST_DEPS:-$HOME/.cache/vigil-test-deps}/trixie"
if [[ -x "$dest/usr/bin/prometheus" && -x "$dest/usr/bin/victoria-metrics" ]]; then
  exit 0
fi

apt_dir="$(mktemp -d)"
trap 'rm -rf "$apt_dir"' EXIT
mkdir -p "$apt_dir/sources" "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$apt_dir/preferences"
mirror="$(sed -n 's/^URIs: *\(http[^ ]*debian\)$/\1/p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -1)"
cat >"$apt_dir/sources/trixie.sources" <<SOURCES
Types: deb
URIs: ${mirror:-http://deb.debian.org/debian}
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
opts=(
  -o Dir::Etc::sourcelist=/dev/null
  -o "Dir::Etc::sourceparts=$apt_dir/sources"
  -o "Dir::Etc::preferencesparts=$apt_dir/preferences"
  -o "Dir::State::Lists=$apt_dir/lists"
  -o "Dir::Cache=$apt_dir/cache"
  -o Dir::State::status=/dev/null
  -o APT::Sandbox::User=root
)
apt-get "${opts[@]}" update -qq
(cd "$apt_dir" && apt-get "${opts[@]}" download -qq prometheus victoria-metrics)
mkdir -p "$dest"
for deb in "$apt_dir"/*.deb; do
  dpkg-deb -x "$deb" "$dest"
done
"$dest/usr/bin/prometheus" --version | head -1
"$dest/usr/bin/victoria-metrics" --version | head -1
