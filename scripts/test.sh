#!/bin/sh
# `npm test`: the type check and vitest side by side. tsc runs on one core; vitest's global setup
# (the test indexes, the model on one thread) leaves the other one free, so checking first only
# made the run longer. The check's output is printed after the tests', and a failed check fails
# the run as before. Arguments go to vitest.
checks_out=$(mktemp)
trap 'rm -f "$checks_out"' EXIT
npm run -s typecheck >"$checks_out" 2>&1 &
checks=$!
vitest run "$@"
tests=$?
wait "$checks"
typed=$?
cat "$checks_out"
if [ "$typed" -ne 0 ]; then
  echo "npm test: the type check failed (see above)" >&2
  exit "$typed"
fi
exit "$tests"
