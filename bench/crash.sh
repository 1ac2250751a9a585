#!/usr/bin/env bash
# The crash test of MovieRec.Tests/Crash at bench strength: 20 rounds of "clients send ratings,
# the server gets SIGKILL mid-stream, every acknowledged rating must be there and the statistics
# must equal a recount" (CI runs 3 rounds). Usage: bench/crash.sh [ROUNDS]   (default 20)
set -euo pipefail
cd "$(dirname "$0")/.."
MOVIEREC_CRASH_ROUNDS=${1:-20} dotnet test MovieRec.Tests --filter "FullyQualifiedName~ServerCrashTests" \
  --logger "console;verbosity=detailed" 2>&1 | grep -E "round [0-9]+:|Passed|Failed|Total tests"
