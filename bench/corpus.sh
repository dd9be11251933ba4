#!/usr/bin/env bash
# Builds the real-code timing corpus in DIR (default: .bench-corpus beside the repo root):
#   DIR/js    ~4,700 .js files copied out of npm packages (paths kept, outside node_modules)
#   DIR/ts    ~1,150 .ts sources of rxjs, zod and effect
#   DIR/jscs  jscodeshift 17.4.0, the runner remodel is compared with
# Reuses DIR when it is complete. Needs the npm registry; takes about two minutes.
set -euo pipefail
dir=${1:-"$(cd "$(dirname "$0")/.." && pwd)/.bench-corpus"}
[ -f "$dir/.complete" ] && { echo "$dir"; exit 0; }
mkdir -p "$dir/pkgs" "$dir/jscs"
npm_quiet() { npm "$@" --no-audit --no-fund --loglevel=error >/dev/null; }
( cd "$dir/pkgs" && npm init -y >/dev/null && npm_quiet install \
    date-fns@4.4.0 effect@4.1.0 express@5.3.0 koa@3.3.0 lodash@4.18.1 moment@2.31.0 rxjs@7.8.2 zod@4.6.7 )
( cd "$dir/jscs" && npm init -y >/dev/null && npm_quiet install jscodeshift@17.4.0 )
copy_tree() { # $1 = source root, $2 = destination root, rest = find arguments
  local from=$1 to=$2; shift 2
  ( cd "$from" && find "$@" -print0 ) | while IFS= read -r -d '' f; do
    mkdir -p "$to/$(dirname "$f")" && cp "$from/$f" "$to/$f"
  done
}
copy_tree "$dir/pkgs/node_modules" "$dir/js" . -type f -name '*.js' -not -path './.bin/*'
copy_tree "$dir/pkgs/node_modules" "$dir/ts" rxjs/src zod effect/src -type f -name '*.ts' -not -name '*.d.ts'
touch "$dir/.complete"
echo "$dir"
