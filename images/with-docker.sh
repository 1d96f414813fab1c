#!/usr/bin/env bash
# Runs a command with a Docker engine and the images built (the README's `make test`/`make docs`).
# When no engine answers and we are root, starts Debian's dockerd for the command's duration, with
# no bridge, no iptables and no IP forwarding: containers get no network, and nothing here may
# reach beyond loopback. Stops only what it started. Without dockerd (or root) the command still
# runs, and the embedded server says it falls back to process containers.
# Usage: images/with-docker.sh COMMAND [ARGS...]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
state=$(dirname "$here")/build/dockerd
started=""

stop_started() {
  [ -n "$started" ] || return 0
  kill "$started" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$started" 2>/dev/null || break; sleep 0.1; done
  echo "with-docker: stopped the dockerd it started (pid $started)"
}
trap stop_started EXIT

# The engine the embedded server talks to (its dockerSocket default), whatever DOCKER_HOST says.
engine=(docker -H unix:///var/run/docker.sock)
export DOCKER_HOST=unix:///var/run/docker.sock # the images and the tests' docker CLI use it too
if ! "${engine[@]}" version >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v dockerd >/dev/null 2>&1; then
    mkdir -p "$state"
    # (the default pid file makes it refuse to start beside another dockerd)
    dockerd --bridge=none --iptables=false --ip-forward=false >"$state/dockerd.log" 2>&1 &
    started=$!
    for _ in $(seq 1 300); do "${engine[@]}" version >/dev/null 2>&1 && break; kill -0 "$started" 2>/dev/null || break; sleep 0.1; done
    if "${engine[@]}" version >/dev/null 2>&1; then
      echo "with-docker: started dockerd (pid $started, log $state/dockerd.log)"
    else
      echo "with-docker: dockerd did not come up (see $state/dockerd.log); actions will run as processes"
    fi
  else
    echo "with-docker: no Docker engine, and not root with dockerd installed; actions will run as processes"
  fi
fi
"$here/build.sh"
status=0
"$@" || status=$?
exit $status
