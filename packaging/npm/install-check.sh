#!/usr/bin/env bash
# Installs a tool's npm tarballs the two ways its users do, without a registry (packaging/npm/README.md), and checks
# that each prints the version the project declares:
#   npm install -g <tarballs> into a temporary prefix  → <prefix>/bin/<tool>
#   npm install <tarballs> in a project, then npx <tool>  (what an MCP client's "npx -y <tool>" runs)
# Usage: packaging/npm/install-check.sh <tool> <tarball-dir> <prefix>
set -euo pipefail
tool=$1 tarballs=$2 prefix=$3
root=$(cd "$(dirname "$0")/../.." && pwd)
case "$tool" in backlog-mcp) project=src/BacklogMcp ;; backlog-jira) project=src/BacklogJira.Cli ;; *) echo "unknown tool $tool" >&2; exit 2 ;; esac
version=$(dotnet msbuild "$root/$project" -getProperty:Version -nologo | tr -d '[:space:]')
packages=("$tarballs"/backlog-sync-"$tool"-*-"$version".tgz "$tarballs/$tool-$version.tgz")

npm install -g --prefix "$prefix" --offline --no-audit --no-fund --loglevel=error "${packages[@]}" >/dev/null
# --version may add the commit after a +, as every channel built from one commit does.
global=$("$prefix/bin/$tool" --version | tr -d '[:space:]')
[ "${global%%+*}" = "$version" ] || { echo "npm install -g: $tool --version says '$global', expected $version" >&2; exit 1; }

project_dir=$(mktemp -d)
(cd "$project_dir" && npm init -y >/dev/null && npm install --offline --no-audit --no-fund --loglevel=error "${packages[@]}" >/dev/null)
local_version=$(cd "$project_dir" && npx --offline -y "$tool" --version | tr -d '[:space:]')
rm -rf "$project_dir"
[ "${local_version%%+*}" = "$version" ] || { echo "npx $tool: --version says '$local_version', expected $version" >&2; exit 1; }
echo "npm: $tool $version installed with npm install -g and run with npx"
