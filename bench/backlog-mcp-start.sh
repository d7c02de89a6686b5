#!/usr/bin/env bash
# Cold-start benchmark of backlog-mcp against Nulab's official server (see bench/BacklogMcp.Bench/Program.cs).
# Builds ours three ways (JIT dll; ReadyToRun; Native AOT), installs backlog-mcp-server 0.20.4 into a temp folder (its
# install script insists on pnpm, so scripts are skipped; the published build needs none), then runs N rounds.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
work=$(mktemp -d)
dotnet build src/BacklogMcp -c Release -v q -nologo >/dev/null
dotnet publish src/BacklogMcp -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$work/readytorun" -v q -nologo >/dev/null
dotnet publish src/BacklogMcp -c Release -r linux-x64 -p:PublishAot=true -p:CppCompilerAndLinker=gcc -o "$work/native-aot" -v q -nologo >/dev/null
npm install --prefix "$work/nulab" backlog-mcp-server@0.20.4 --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null
dotnet run -c Release --project bench/BacklogMcp.Bench -- "$runs" \
  "$PWD/src/BacklogMcp/bin/Release/net10.0/BacklogMcp.dll" "$work/readytorun/BacklogMcp" "$work/native-aot/BacklogMcp" \
  "$work/nulab/node_modules/backlog-mcp-server/build/index.js"
