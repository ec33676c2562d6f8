#!/usr/bin/env bash
# Installs the Debian packages the end-to-end tests drive (the tests start and stop them).
set -euo pipefail

packages=()
# (each integration adds its package here, with the binary that proves it is installed)
# logback-encoder's end-to-end test: rsyslogd with imtcp and mmjsonparse
[[ -x /usr/sbin/rsyslogd ]] || packages+=(rsyslog)
# spring-autoconfigure's browser tests: headless Chromium driven through chromedriver
[[ -x /usr/bin/chromium ]] || packages+=(chromium)
[[ -x /usr/bin/chromedriver ]] || packages+=(chromium-driver)

if ((${#packages[@]} > 0)); then
  if [[ $(id -u) -eq 0 ]]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${packages[@]}"
fi

# cli's fleet tests: Prometheus 2.53 and VictoriaMetrics 1.112 from trixie, unpacked, not installed
"$(dirname "$0")/fetch-trixie-backends.sh"
