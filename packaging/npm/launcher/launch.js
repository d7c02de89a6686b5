#!/usr/bin/env node
// The npm launcher of a backlog tool (packaging/npm/README.md): finds the platform package npm installed next to it
// (an optional dependency per platform, each holding the Native AOT binary) and runs that binary with the same
// arguments, stdio and environment, passing signals on and exiting with its exit code. No Node code runs after that.
'use strict';
const { spawn } = require('node:child_process');
const path = require('node:path');
const { tool, scope } = require('./tool.json');

// Node's platform and architecture → .NET's runtime identifier, as the platform packages are named.
const rids = { 'linux-x64': 'linux-x64', 'linux-arm64': 'linux-arm64', 'darwin-x64': 'osx-x64', 'darwin-arm64': 'osx-arm64', 'win32-x64': 'win-x64', 'win32-arm64': 'win-arm64' };
const rid = rids[`${process.platform}-${process.arch}`];
const platformPackage = `${scope}/${tool}-${rid}`;

function binary() {
  if (!rid) return null;
  try {
    const root = path.dirname(require.resolve(`${platformPackage}/package.json`));
    return path.join(root, 'bin', process.platform === 'win32' ? `${tool}.exe` : tool);
  } catch {
    return null;
  }
}

const executable = binary();
if (!executable) {
  console.error(`${tool}: no build for ${process.platform}-${process.arch} was installed (${rid ? platformPackage : 'this platform has none'}). ` +
    `Reinstall without --no-optional / --omit=optional, or install the .NET tool instead: dotnet tool install -g ${tool}.`);
  process.exit(1);
}

const child = spawn(executable, process.argv.slice(2), { stdio: 'inherit' });
const forward = (signal) => { if (child.exitCode === null) child.kill(signal); };
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, forward);
child.on('error', (error) => {
  console.error(`${tool}: could not start ${executable}: ${error.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  if (signal) {
    // Die of the same signal, so a caller sees what the tool saw.
    for (const name of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.removeListener(name, forward);
    process.kill(process.pid, signal);
    return;
  }
  process.exit(code ?? 1);
});
