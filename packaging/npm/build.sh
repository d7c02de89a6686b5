#!/usr/bin/env bash
# Builds the npm packages of one tool for one platform (packaging/npm/README.md): the platform package holding the
# Native AOT binary, and the launcher package naming every platform package as an optional dependency.
#   packaging/npm/build.sh <tool> <rid> <published-binary> <out-dir>
#   e.g. packaging/npm/build.sh backlog-mcp linux-x64 artifacts/aot/BacklogMcp artifacts/npm
set -euo pipefail
tool=$1 rid=$2 binary=$3 out=$4
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
scope=@backlog-sync
case "$tool" in
  backlog-mcp) project=src/BacklogMcp; summary="MCP server (stdio) for Nulab Backlog: issues, comments, wikis, documents, Git, notifications; writes only when enabled" ;;
  backlog-jira) project=src/BacklogJira.Cli; summary="Keeps Backlog.md tasks and Jira issues in sync" ;;
  *) echo "unknown tool $tool" >&2; exit 2 ;;
esac
version=$(dotnet msbuild "$root/$project" -getProperty:Version -nologo | tr -d '[:space:]')
case "$rid" in
  linux-x64) os=linux cpu=x64 ;; linux-arm64) os=linux cpu=arm64 ;; osx-x64) os=darwin cpu=x64 ;; osx-arm64) os=darwin cpu=arm64 ;;
  win-x64) os=win32 cpu=x64 ;; win-arm64) os=win32 cpu=arm64 ;; *) echo "unknown rid $rid" >&2; exit 2 ;;
esac
all_rids="linux-x64 linux-arm64 osx-x64 osx-arm64 win-x64 win-arm64"
mkdir -p "$out"
out=$(cd "$out" && pwd)
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

# The platform package: the binary alone, for one os and cpu (npm installs only the matching one).
platform="$stage/platform"
mkdir -p "$platform/bin"
exe="$tool"; [ "$os" = win32 ] && exe="$tool.exe"
cp "$binary" "$platform/bin/$exe"
chmod 755 "$platform/bin/$exe"
cat > "$platform/package.json" <<JSON
{
  "name": "$scope/$tool-$rid",
  "version": "$version",
  "description": "$tool for $os $cpu (Native AOT). Installed by the $tool package; not meant to be installed alone.",
  "license": "MIT",
  "os": ["$os"],
  "cpu": ["$cpu"],
  "files": ["bin/"],
  "preferUnplugged": true
}
JSON

# The launcher package: a few lines of Node that run the platform binary.
launcher="$stage/launcher"
mkdir -p "$launcher/bin"
cp "$here/launcher/launch.js" "$launcher/bin/$tool.js"
printf '{ "tool": "%s", "scope": "%s" }\n' "$tool" "$scope" > "$launcher/bin/tool.json"
optional=$(for r in $all_rids; do printf '    "%s/%s-%s": "%s",\n' "$scope" "$tool" "$r" "$version"; done | sed '$ s/,$//')
cat > "$launcher/package.json" <<JSON
{
  "name": "$tool",
  "version": "$version",
  "description": "$summary",
  "license": "MIT",
  "bin": { "$tool": "bin/$tool.js" },
  "files": ["bin/"],
  "engines": { "node": ">=18" },
  "optionalDependencies": {
$optional
  }
}
JSON
cp "$root/README.md" "$launcher/README.md"

(cd "$platform" && npm pack --silent --pack-destination "$out" >/dev/null)
(cd "$launcher" && npm pack --silent --pack-destination "$out" >/dev/null)
ls "$out"/*"$version"*.tgz
