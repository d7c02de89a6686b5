#!/usr/bin/env bash
# Whole-process timings of backlog-jira (issue 21): --help and `status` over a real Backlog.md tree, the JIT build, the
# Native AOT file and the npm-installed launcher, against `backlog task list --plain` on the same tree (the pinned CLI
# in tools/backlog-cli). The tree is any Backlog.md project's backlog/ folder, e.g. the Backlog.md repository's own:
#   git clone --depth 1 https://github.com/MrLesk/Backlog.md /tmp/bmd && bash bench/backlog-jira-start.sh /tmp/bmd/backlog 10
set -euo pipefail
cd "$(dirname "$0")/.."
tree=${1:?give a backlog/ folder}
runs=${2:-10}
work=$(mktemp -d)
dotnet build src/BacklogJira.Cli -c Release -v q -nologo >/dev/null
dotnet publish src/BacklogJira.Cli -c Release -r linux-x64 -p:PublishAot=true -p:CppCompilerAndLinker=gcc -o "$work/aot" -v q -nologo >/dev/null
packaging/npm/build.sh backlog-jira linux-x64 "$work/aot/backlog-jira" "$work/npm" >/dev/null
packaging/npm/install-check.sh backlog-jira "$work/npm" "$work/prefix" >/dev/null
mkdir -p "$work/project" && cp -r "$tree" "$work/project/backlog"
cli=$PWD/tools/backlog-cli/node_modules/.bin/backlog
jit=(dotnet "$PWD/src/BacklogJira.Cli/bin/Release/net10.0/backlog-jira.dll")
port=$((20000 + RANDOM % 20000))
"$work/aot/backlog-jira" sandbox --port "$port" >/dev/null 2>&1 &
sandbox=$!
trap 'kill $sandbox 2>/dev/null; rm -rf "$work"' EXIT
sleep 1
cd "$work/project"
export JIRA_URL=http://127.0.0.1:$port JIRA_EMAIL=demo@example.com JIRA_API_TOKEN=sandbox-token JIRA_DEPLOYMENT=cloud
"$work/aot/backlog-jira" init --project-key DEMO >/dev/null
echo "tasks: $("$work/aot/backlog-jira" status 2>&1 | grep -o '[0-9]* task(s) not mapped' | cut -d' ' -f1), $runs runs each, mean per run"
time_it() {
  local label=$1; shift
  local start; start=$(date +%s%N)
  for _ in $(seq 1 "$runs"); do "$@" >/dev/null 2>&1; done
  echo "$(( ($(date +%s%N) - start) / runs / 1000000 )) ms  $label"
}
time_it "backlog task list --plain (Backlog.md CLI)" "$cli" task list --plain
time_it "backlog-jira status, JIT" "${jit[@]}" status
time_it "backlog-jira status, Native AOT" "$work/aot/backlog-jira" status
time_it "backlog-jira status, npm launcher + Native AOT" "$work/prefix/bin/backlog-jira" status
time_it "backlog-jira --help, JIT" "${jit[@]}" --help
time_it "backlog-jira --help, Native AOT" "$work/aot/backlog-jira" --help
ls -l "$work/aot/backlog-jira" | awk '{printf "Native AOT file: %.1f MB\n", $5 / 1048576}'
