// End-to-end check of `backlog-jira mcp serve` with the official MCP TypeScript SDK client: connects over stdio in a
// project made by the test (one task paired with a sandbox issue, its title then changed in Backlog), lists the tools,
// and walks the agent's flow: status, pair view, plan, apply, import preview. The SDK validates each structuredContent
// against the tool's outputSchema. Exit code 0 = passed.
// Usage: node agents-e2e.mjs <project dir> <command> [args...]   (JIRA_* come from the environment)
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";

const [cwd, command, ...args] = process.argv.slice(2);
const failures = [];
const check = (condition, message) => { if (!condition) failures.push(message); };

const transport = new StdioClientTransport({ command, args: [...args, "mcp", "serve", "--allow-writes"], cwd, env: { ...process.env }, stderr: "pipe" });
const client = new Client({ name: "backlog-jira-agents-e2e", version: "1.0.0" });
try {
  await client.connect(transport);
  check(client.getServerVersion()?.name === "backlog-jira", "server name is backlog-jira");
  const { tools } = await client.listTools();
  check(tools.length === 14, `14 tools with writes allowed, got ${tools.length}`);
  for (const tool of tools) {
    check(tool.outputSchema?.type === "object", `${tool.name} has an output schema`);
    check(typeof tool.annotations?.readOnlyHint === "boolean", `${tool.name} says whether it writes`);
  }
  const call = async (name, callArgs, expect) => {
    const result = await client.callTool({ name, arguments: callArgs });
    const text = result.content.map((c) => c.text ?? "").join("");
    check(!result.isError, `${name} succeeded: ${text.slice(0, 300)}`);
    check(result.structuredContent !== undefined, `${name} has structuredContent`);
    if (expect) check(expect(text, result.structuredContent), `${name}: unexpected answer: ${text.slice(0, 300)}`);
    return result;
  };
  await call("jira_sync_status", {}, (t, s) => s.pairs.length === 1 && s.pairs[0].state === "needs-push");
  await call("jira_pair_view", { taskId: "TASK-1" }, (t, s) => s.fields.some((f) => f.field === "title" && f.backlog.includes("Renamed")));
  const plan = await call("jira_sync_plan", { mode: "sync" }, (t, s) => s.writes === 1 && s.pairs[0].changes[0].field === "title");
  const { mode, strategy, basis } = plan.structuredContent;
  await call("jira_sync_apply", { mode, strategy, basis }, (t, s) => s.pairs[0].pushed.includes("title"));
  await call("jira_sync_status", {}, (t, s) => s.pairs[0].state === "in-sync");
  await call("jira_import_preview", { jql: "project = DEMO" }, (t, s) => Array.isArray(s.pairs));
  const again = await client.callTool({ name: "jira_sync_apply", arguments: { mode, strategy, basis } });
  check(again.isError && again.content[0].text.includes("changed since the plan was made"), "an applied plan cannot be applied twice");
} catch (error) {
  failures.push(`run failed: ${error.stack ?? error}`);
} finally {
  await client.close().catch(() => {});
}
if (failures.length > 0) {
  console.error(`FAILED (${failures.length}):\n- ` + failures.join("\n- "));
  process.exit(1);
}
console.log("backlog-jira mcp serve e2e with @modelcontextprotocol/sdk: all checks passed");
process.exit(0);
