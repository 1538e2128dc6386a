#!/usr/bin/env bash
# The production profile, as `./paved start:production` and the production test run it
# (the toolchain is on PATH already):
#
#   scripts/production.sh build            build the frontend and the backend bundle, unpack it
#   scripts/production.sh start [args...]  NODE_ENV=production: the built backend serving the
#                                          built frontend, with app-config.production.yaml
#
# The bundle is Backstage's packages/backend/dist/bundle.tar.gz (every Paved package built to
# dist), unpacked into .data/production/bundle. Its third-party dependencies resolve from the
# repository's node_modules (the folder is inside the repository), so nothing is installed;
# a container image would instead run `yarn workspaces focus --all --production` in it.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
BUNDLE="$ROOT/.data/production/bundle"

log() { printf '\033[1;34m[paved production]\033[0m %s\n' "$*" >&2; }

build() {
  local start=$SECONDS
  log "building the frontend and the backend bundle (yarn build:backend)"
  mkdir -p "$ROOT/.data"
  yarn build:backend >"$ROOT/.data/production-build.log" 2>&1 || {
    tail -40 "$ROOT/.data/production-build.log" >&2
    exit 1
  }
  rm -rf "$BUNDLE"
  mkdir -p "$BUNDLE"
  tar -xzf packages/backend/dist/bundle.tar.gz -C "$BUNDLE"
  # The bundle's own packages (built to dist) win over the workspace sources.
  local manifest name dir
  for manifest in "$BUNDLE"/packages/*/package.json "$BUNDLE"/plugins/*/package.json; do
    dir="$(dirname "$manifest")"
    name="$(node -p "require('$manifest').name")"
    mkdir -p "$BUNDLE/node_modules/$(dirname "$name")"
    ln -sfn "$dir" "$BUNDLE/node_modules/$name"
  done
  log "built in $((SECONDS - start))s: $BUNDLE"
}

start() {
  [ -f "$BUNDLE/packages/backend/dist/index.cjs.js" ] ||
    { log "no build in $BUNDLE: run ./paved build:production first"; exit 1; }
  log "starting the production backend (NODE_ENV=production) with app-config.production.yaml"
  NODE_ENV=production exec node "$BUNDLE/packages/backend" --config "$ROOT/app-config.production.yaml" "$@"
}

cmd="${1:-}"
shift || true
case "$cmd" in
  build) build ;;
  start) start "$@" ;;
  *) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 1 ;;
esac
