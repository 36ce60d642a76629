#!/usr/bin/env bash
# Builds the action into build/dist and fails when the committed dist/ differs.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf build/dist
npx ncc build src/index.ts -o build/dist --source-map --license licenses.txt >/dev/null
if ! diff -rq build/dist dist; then
  echo "dist/ is stale: run 'npm run build' and commit dist/." >&2
  exit 1
fi
echo "dist/ matches the sources."
