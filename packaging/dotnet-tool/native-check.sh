#!/usr/bin/env bash
# The native .NET tool channel (.NET SDK 10's RID-specific tools, https://learn.microsoft.com/dotnet/core/tools/rid-specific-tools):
# a pointer package plus one package per runtime identifier holding the Native AOT file, so `dotnet tool install`
# installs the native build for the machine. Packs both for one RID, installs from them into a temporary tool path,
# and checks the installed command is the native file and prints the project's version.
# Usage: packaging/dotnet-tool/native-check.sh <project dir> <package id> <command> <rid> <out dir>
#   e.g. packaging/dotnet-tool/native-check.sh src/BacklogMcp BacklogMcp backlog-mcp linux-x64 artifacts/tool
set -euo pipefail
project=$1 id=$2 command=$3 rid=$4 out=$5
# The native file's separate debug symbols (.dbg, 47 MB for backlog-jira) stay out of the package.
native=(-c Release -p:ToolPackageRuntimeIdentifiers="$rid" -p:PublishAot=true -p:CppCompilerAndLinker=gcc -p:CopyOutputSymbolsToPublishDirectory=false -v q -nologo)
dotnet pack "$project" "${native[@]}" -o "$out" >/dev/null
dotnet pack "$project" -r "$rid" "${native[@]}" -o "$out" >/dev/null
installed=$(mktemp -d)
dotnet tool install "$id" --tool-path "$installed" --add-source "$out" >/dev/null
file -L "$installed/$command" | grep -q ELF || { echo "$command from the $rid tool package is not a native file" >&2; exit 1; }
version=$(dotnet msbuild "$project" -getProperty:Version -nologo | tr -d '[:space:]')
said=$("$installed/$command" --version | tr -d '[:space:]')
[ "${said%%+*}" = "$version" ] || { echo "$command --version says '$said', expected $version" >&2; exit 1; }
unzip -l "$out/$id.$rid".*.nupkg | grep -q '\.dbg$' && { echo "the $rid tool package of $id carries debug symbols" >&2; exit 1; }
size=$(du -k "$out/$id.$rid".*.nupkg | cut -f1)
echo "dotnet tool (native, $rid): $command $version installed from $id.$rid (${size} KB package)"
