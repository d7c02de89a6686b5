// Nulab's own MCP server (backlog-mcp-server, https only) as a contract client of the Nulab Backlog sandbox, driven by
// the official MCP TypeScript SDK: every read tool an agent starts with is called and must answer without an error,
// with JSON that names what was asked for. Any failure exits 1 with the tool named.
// Usage: BACKLOG_DOMAIN=127.0.0.1:port BACKLOG_API_KEY=… NODE_TLS_REJECT_UNAUTHORIZED=0 node nulab-mcp.mjs
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { fileURLToPath } from 'node:url';

// The package exports nothing; its bin is the built entry point.
const server = fileURLToPath(new URL('./node_modules/backlog-mcp-server/build/index.js', import.meta.url));
const transport = new StdioClientTransport({
  command: process.execPath,
  args: [server],
  env: { ...process.env, NODE_NO_WARNINGS: '1' },
  stderr: 'pipe',
});
let stderr = '';
transport.stderr?.on('data', chunk => { stderr += chunk; });
const client = new Client({ name: 'sandbox-contract', version: '1.0.0' });

function fail(what) {
  console.error(`FAILED: ${what}\nserver stderr: ${stderr.slice(-2000)}`);
  process.exit(1);
}

// Arguments by parameter name, for whatever the tool's schema requires; tools taking an id or a key (both optional in
// the schema, one needed) get the key. BLG-2 is the issue with comments.
const known = { projectId: 10, projectIdOrKey: 'BLG', projectKey: 'BLG', issueId: 1, issueIdOrKey: 'BLG-1', issueKey: 'BLG-1', userId: 1 };
function argumentsFor(tool) {
  const args = {};
  for (const name of tool.inputSchema?.required ?? []) {
    if (!(name in known)) return null;
    args[name] = known[name];
  }
  const properties = tool.inputSchema?.properties ?? {};
  if ('projectKey' in properties && !('projectId' in args)) args.projectKey = 'BLG';
  if ('issueKey' in properties && !('issueId' in args)) args.issueKey = tool.name === 'get_issue_comments' ? 'BLG-2' : 'BLG-1';
  return args;
}

try {
  await client.connect(transport);
} catch (error) {
  fail(`connect: ${error}`);
}
const { tools } = await client.listTools();
const wanted = {
  get_space: 'spaceKey',
  get_myself: 'userId',
  get_users: 'userId',
  get_priorities: 'Normal',
  get_resolutions: 'Fixed',
  get_project_list: 'BLG',
  get_project: 'BLG',
  get_issue_types: 'Bug',
  get_categories: 'Development',
  get_custom_fields: 'Story points',
  get_version_milestone_list: 'v1.0',
  get_issues: 'issueKey',
  count_issues: 'count',
  get_issue: 'BLG-1',
  get_issue_comments: 'content',
};
const called = [];
for (const [name, expected] of Object.entries(wanted)) {
  const tool = tools.find(t => t.name === name);
  if (!tool) fail(`tool ${name} is not offered (${tools.length} tools)`);
  const args = argumentsFor(tool);
  if (args === null) fail(`tool ${name} requires ${JSON.stringify(tool.inputSchema.required)}, which this check cannot fill`);
  let result;
  try {
    result = await client.callTool({ name, arguments: args });
  } catch (error) {
    fail(`${name}: ${error}`);
  }
  const text = (result.content ?? []).map(c => c.text ?? '').join('\n');
  if (result.isError) fail(`${name} answered an error: ${text.slice(0, 500)}`);
  if (!text.includes(expected)) fail(`${name} ${JSON.stringify(args)} answered without "${expected}": ${text.slice(0, 800)}`);
  called.push(name);
}
await client.close();
console.log(JSON.stringify({ ok: true, called }));
