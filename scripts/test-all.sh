#!/usr/bin/env bash
# The whole test suite, as `./paved test` and CI run it (the toolchain is on PATH already):
# type check, lint, prettier, unit and database tests (SQLite and Postgres), the golden
# paths' skeletons built and tested, browser tests with axe, and the production profile
# (built, Postgres, OIDC sign-in).
#
#   PAVED_SKIP_E2E=1   leave out the browser tests (local use only; refused when CI is set)
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
RESULTS="$ROOT/node_modules/.cache/paved"
mkdir -p "$RESULTS"
rm -f "$RESULTS"/*.json

log() { printf '\n\033[1;34m[paved test]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[paved test]\033[0m %s\n' "$*" >&2; exit 1; }

# --- Postgres: the store tests run against it; CI must never skip it ---------------------------
PGHOST_ADDR="${PAVED_TEST_POSTGRES_HOST:-127.0.0.1}"
PGPORT_NUM="${PAVED_TEST_POSTGRES_PORT:-5432}"
PGUSER_NAME="${PAVED_TEST_POSTGRES_USER:-postgres}"
pg_major() {
  psql -h "$PGHOST_ADDR" -p "$PGPORT_NUM" -U "$PGUSER_NAME" -d postgres -tAc \
    'select current_setting($$server_version_num$$)::int / 10000' 2>/dev/null
}
ensure_postgres() {
  if ! command -v psql >/dev/null; then
    echo "psql is not installed"
    return 1
  fi
  local major
  major="$(pg_major)"
  if [ -z "$major" ] && command -v pg_ctlcluster >/dev/null; then
    log "Postgres is not answering on $PGHOST_ADDR:$PGPORT_NUM: starting the local cluster"
    for version in $(ls /etc/postgresql 2>/dev/null); do
      pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    done
    for _ in $(seq 1 20); do
      major="$(pg_major)"
      [ -n "$major" ] && break
      sleep 1
    done
  fi
  [ -n "$major" ] || return 1
  export "BACKSTAGE_TEST_DATABASE_POSTGRES${major}_CONNECTION_STRING=postgresql://${PGUSER_NAME}@${PGHOST_ADDR}:${PGPORT_NUM}"
  log "store tests run on SQLite and Postgres $major ($PGHOST_ADDR:$PGPORT_NUM)"
}
export BACKSTAGE_TEST_DISABLE_DOCKER=1
if ! ensure_postgres; then
  if [ -n "${CI:-}" ]; then
    die "Postgres is required in CI and is not reachable on $PGHOST_ADDR:$PGPORT_NUM."
  fi
  log "WARNING: no Postgres on $PGHOST_ADDR:$PGPORT_NUM: store tests run on SQLite only."
fi

# --- Chromium from Debian's archive, for the browser tests --------------------------------------
export PAVED_CHROMIUM="${PAVED_CHROMIUM:-/usr/bin/chromium}"
if [ -n "${PAVED_SKIP_E2E:-}" ] && [ -n "${CI:-}" ]; then
  die "PAVED_SKIP_E2E is not allowed in CI."
fi
if [ -z "${PAVED_SKIP_E2E:-}" ] && [ ! -x "$PAVED_CHROMIUM" ]; then
  log "installing Chromium from Debian's archive (apt-get install chromium)"
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null ||
    die "could not install Chromium; install the Debian package 'chromium' or set PAVED_CHROMIUM."
fi

# --- the steps -----------------------------------------------------------------------------------
failed=()
step() {
  local name="$1"
  shift
  log "$name"
  local start=$SECONDS
  if "$@"; then
    printf '\033[1;32m[paved test]\033[0m %s passed (%ss)\n' "$name" $((SECONDS - start))
  else
    printf '\033[1;31m[paved test]\033[0m %s FAILED (%ss)\n' "$name" $((SECONDS - start))
    failed+=("$name")
  fi
}

# Lines of a backend log at level error (colours stripped), e.g. a plugin that failed to start.
backend_log_errors() {
  sed 's/\x1b\[[0-9;]*m//g' "$1" | grep -E '^[0-9T:.Z-]+ [a-zA-Z-]+ error ' || true
}

# The browser tests, then the backend's log: a plugin error or crash fails the step.
e2e() {
  rm -rf "$ROOT/.data/e2e"
  local log="$RESULTS/e2e-backend.log"
  rm -f "$log"
  local status=0
  yarn playwright test || status=1
  if [ -f "$log" ]; then
    local errors
    errors="$(backend_log_errors "$log")"
    if [ -n "$errors" ]; then
      echo "The backend logged errors during the browser tests ($log):"
      echo "$errors" | head -20
      status=1
    fi
  elif [ -z "${PAVED_E2E_REUSE:-}" ]; then
    echo "No backend log at $log: the backend did not start from the test."
    status=1
  fi
  return $status
}

# The production profile: build it, start it on Postgres with the OIDC provider, sign in.
production() {
  local log="$RESULTS/production-backend.log"
  rm -f "$log"
  local status=0
  bash "$ROOT/scripts/production.sh" build || return 1
  yarn playwright test --config playwright.production.config.ts || status=1
  if [ -f "$log" ]; then
    local errors
    # Production logs are JSON lines.
    errors="$(grep '"level":"error"' "$log" || true)"
    if [ -n "$errors" ]; then
      echo "The production backend logged errors ($log):"
      echo "$errors" | head -20
      status=1
    fi
  else
    echo "No backend log at $log: the production backend did not start from the test."
    status=1
  fi
  return $status
}

step "type check" yarn tsc
step "lint" yarn backstage-cli repo lint
step "prettier" yarn prettier --check .
step "unit and database tests" yarn backstage-cli repo test --ci --watchAll=false --testTimeout=30000 \
  --json --outputFile="$RESULTS/unit-results.json"
# A golden path is only golden if what it scaffolds works: each is scaffolded and
# the new repository's own npm install, build and tests run (npm registry needed).
step "golden-path skeletons (scaffold, npm install, build, test)" env PAVED_BUILD_SKELETONS=1 \
  yarn backstage-cli repo test --ci --watchAll=false \
  --json --outputFile="$RESULTS/skeleton-results.json" \
  plugins/scaffolder-backend-module-golden-paths/src/skeletons.build.test.ts
if [ -z "${PAVED_SKIP_E2E:-}" ]; then
  step "browser and API tests, with axe (Chromium)" e2e
  step "production profile: built, Postgres, OIDC sign-in (Chromium)" production
fi

# --- summary: one closing line with the counts ----------------------------------------------------
node "$ROOT/scripts/test-summary.js" "$RESULTS" || failed+=("test summary")
if [ ${#failed[@]} -gt 0 ]; then
  printf '\033[1;31m[paved test]\033[0m failed steps: %s\n' "$(IFS=,; echo "${failed[*]}")"
  exit 1
fi
