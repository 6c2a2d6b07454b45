# Sourced by the scripts that run the npm tools pinned in package.json / package-lock.json.
# Installs them into node_modules/ with `npm ci` (never globally) when node_modules is missing or
# older than the lockfile, and puts them on the PATH.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "==> npm ci (installs the tools pinned in package-lock.json into node_modules/)"
  npm ci --no-audit --no-fund --loglevel=error
fi
export PATH="$PWD/node_modules/.bin:$PATH"
# Redocly CLI: no usage telemetry and no update notice (the machines have no internet anyway).
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
