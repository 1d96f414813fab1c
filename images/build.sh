#!/usr/bin/env bash
# Builds the embedded OpenWhisk's Docker images offline (there is no registry to pull from): each
# root filesystem is assembled here from what this machine has, packed as a reproducible tarball
# and loaded with `docker import`. An image is tagged with its tarball's hash and `latest`;
# an unchanged image is not imported again.
#   owbench/actionloop  our static action-loop proxy (images/actionloop) + the glibc a gcc-built
#                       executable links: blackbox actions (openwhisk/actionloop-v2, dockerskeleton)
#   owbench/nodejs20    the host's node and its shared libraries + our nodejs proxy: nodejs:20
# Without a reachable Docker engine it says so and builds nothing (the server then runs process
# containers). Usage: images/build.sh [OUT_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
out=${1:-$root/build/images}
mkdir -p "$out"

if ! docker version --format '{{.Server.Version}}' >/dev/null 2>&1; then
  echo "images: no Docker engine reachable; images not built (the embedded server will use process containers)"
  exit 0
fi

# Copies files into a root filesystem at the same paths, with the shared libraries they load.
copy_with_libs() {
  local rootfs=$1; shift
  for file in "$@"; do
    install -D -m 0755 "$(readlink -f "$file")" "$rootfs$file"
    ldd "$file" 2>/dev/null | awk '/=> \// {print $3} /^[[:space:]]*\/[^ ]*ld-linux/ {print $1}' |
      while read -r lib; do install -D -m 0755 "$(readlink -f "$lib")" "$rootfs$lib"; done
  done
}

# Imports a root filesystem as IMAGE unless the same content is already there.
import_rootfs() {
  local image=$1 rootfs=$2 change=$3
  local tarball="$out/${image##*/}.tar"
  tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$rootfs" -cf "$tarball" .
  local hash
  hash=$(sha256sum "$tarball" | cut -c1-12)
  if docker image inspect "$image:$hash" >/dev/null 2>&1; then
    echo "images: $image:$hash is up to date"
  else
    docker import --change "$change" "$tarball" "$image:$hash" >/dev/null
    echo "images: imported $image:$hash ($(du -h "$tarball" | cut -f1))"
  fi
  docker tag "$image:$hash" "$image:latest"
  # earlier builds' tags go (an image still used by a container stays until it is removed)
  docker images --format '{{.Repository}}:{{.Tag}}' "$image" | grep -v -e ":latest$" -e ":$hash$" | xargs -r docker rmi >/dev/null 2>&1 || true
}

# owbench/actionloop
proxy="$out/proxy"
gcc -O2 -Wall -Wextra -static -s -o "$proxy" "$here"/actionloop/*.c -lz
printf 'int main(void) { return 0; }\n' > "$out/probe.c"
gcc -o "$out/probe" "$out/probe.c" -Wl,--no-as-needed -lm -lpthread -ldl -lrt
rootfs="$out/actionloop-root"
rm -rf "$rootfs" && mkdir -p "$rootfs/action" "$rootfs/ow" "$rootfs/tmp" && chmod 1777 "$rootfs/tmp"
chmod 1777 "$rootfs/action" # the proxy runs as the server's user and saves the action's exec here
install -m 0755 "$proxy" "$rootfs/proxy"
copy_with_libs "$rootfs" "$out/probe" && rm "$rootfs$out/probe"
find "$rootfs" -depth -type d -empty -not -path "$rootfs/action" -not -path "$rootfs/ow" -not -path "$rootfs/tmp" -delete
import_rootfs owbench/actionloop "$rootfs" 'ENTRYPOINT ["/proxy"]'

# owbench/nodejs20: the proxy is transpiled from its TypeScript source on its own (only node: imports).
rootfs="$out/nodejs20-root"
rm -rf "$rootfs" && mkdir -p "$rootfs/nodejsAction" "$rootfs/ow" "$rootfs/tmp" && chmod 1777 "$rootfs/tmp"
copy_with_libs "$rootfs" "$(readlink -f "$(command -v node)")"
[ -e "$rootfs/usr/bin/node" ] || { mkdir -p "$rootfs/usr/bin"; ln -s "$(readlink -f "$(command -v node)")" "$rootfs/usr/bin/node"; }
# The zip loader (zipped actions) beside it, with the one package it needs, fflate.
(cd "$root" && node -e '
  const ts = require("typescript"), fs = require("fs");
  for (const [name, target] of [["proxy", process.argv[1]], ["zip-action", process.argv[2]]]) {
    const source = fs.readFileSync(`src/local/runtimes/nodejs/${name}.ts`, "utf8");
    const out = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
    fs.writeFileSync(target, out.outputText);
  }
' "$rootfs/nodejsAction/proxy.mjs" "$rootfs/nodejsAction/zip-action.mjs")
mkdir -p "$rootfs/nodejsAction/node_modules" && cp -r "$root/node_modules/fflate" "$rootfs/nodejsAction/node_modules/fflate"
import_rootfs owbench/nodejs20 "$rootfs" 'ENTRYPOINT ["/usr/bin/node"]'
