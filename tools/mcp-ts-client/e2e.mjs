// End-to-end check of backlog-mcp with the official MCP TypeScript SDK client: starts `backlog-mcp sandbox`, connects
// to backlog-mcp over stdio, lists tools and prompts, calls every tool and checks each answer. Exit code 0 = passed.
// Usage: node e2e.mjs <dotnet host> <path to BacklogMcp.dll>, or node e2e.mjs <path to a published backlog-mcp>
import { spawn } from "node:child_process";
import { mkdtempSync, existsSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";

import { resolve } from "node:path";
const [command, ...commandArgs] = process.argv.slice(2).map((a, i) => (i === 0 && !a.includes("/") ? a : resolve(a)));
const failures = [];
const check = (condition, message) => { if (!condition) failures.push(message); };

const sandbox = spawn(command, [...commandArgs, "sandbox", "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
const baseUrl = await new Promise((resolve, reject) => {
  let seen = "";
  sandbox.stdout.on("data", (chunk) => {
    seen += chunk;
    const match = seen.match(/BACKLOG_BASE_URL=(\S+)/);
    if (match) resolve(match[1]);
  });
  sandbox.on("exit", (code) => reject(new Error(`sandbox exited with ${code}: ${seen}`)));
  setTimeout(() => reject(new Error(`sandbox did not start: ${seen}`)), 60000);
});

const work = mkdtempSync(join(tmpdir(), "backlog-mcp-e2e-"));
const transport = new StdioClientTransport({
  command,
  args: commandArgs,
  cwd: work,
  env: { ...process.env, BACKLOG_BASE_URL: baseUrl, BACKLOG_API_KEY: "sandbox-api-key", TZ: "UTC" },
  stderr: "pipe",
});
const client = new Client({ name: "backlog-mcp-e2e", version: "1.0.0" });
try {
  await client.connect(transport);
  check(client.getServerVersion()?.name === "backlog-mcp", "server name is backlog-mcp");

  const { tools } = await client.listTools();
  check(tools.length === 40, `40 tools listed, got ${tools.length}`);
  for (const tool of tools) check(tool.outputSchema?.type === "object", `${tool.name} has an output schema`);

  // callTool validates structuredContent against each tool's outputSchema (the SDK does this itself).
  const call = async (name, args, expect) => {
    const result = await client.callTool({ name, arguments: args });
    const text = result.content.map((c) => c.text ?? "").join("");
    check(!result.isError, `${name} succeeded: ${text.slice(0, 200)}`);
    check(result.structuredContent !== undefined, `${name} has structuredContent`);
    if (expect) check(expect(text, result.structuredContent), `${name}: unexpected answer: ${text.slice(0, 300)}`);
    return result;
  };
  await call("backlog_get_projects", {}, (t, s) => s.projects.length === 3 && t.startsWith("# All Projects"));
  await call("backlog_get_issue_list", { projectIdOrKey: "BLG", statusId: [101], count: 10 }, (t, s) => s.issues.length === 10 && s.issues.every((i) => i.statusId === 101));
  await call("backlog_get_issue", { issueIdOrKey: "WEB-1" }, (t) => t.includes("お問い合わせフォーム"));
  await call("backlog_get_comments", { issueIdOrKey: "BLG-2", count: 100 }, (t, s) => s.comments.length === 100 && s.next.maxId > 0);
  await call("backlog_get_statuses", { projectIdOrKey: "BLG" }, (t) => t.includes("In Review"));
  await call("backlog_get_priorities", {}, (t, s) => s.priorities.length === 3);
  await call("backlog_get_categories", { projectIdOrKey: "WEB" }, (t) => t.includes("フロントエンド"));
  await call("backlog_get_milestones", { projectIdOrKey: "BLG", archived: true }, (t, s) => s.milestones.length === 3);
  await call("backlog_get_users", { projectIdOrKey: "BLG", keyword: "yamada" }, (t, s) => s.users.length === 1);
  await call("backlog_get_attachments", { issueIdOrKey: "BLG-1" }, (t, s) => s.attachments.length === 7);
  const download = await call("backlog_download_attachment", { issueIdOrKey: "BLG-1", attachmentId: 2 });
  check(existsSync(download.structuredContent.path), "downloaded file exists");
  const exported = await call("backlog_export_issue_context", { issueIdOrKey: "BLG-1" }, (t, s) => s.attachments === 7 && s.skipped.length === 2);
  check(readFileSync(exported.structuredContent.manifest, "utf8").includes("\"placementConfidence\""), "manifest written");

  await call("backlog_get_related_issues", { issueIdOrKey: "BLG-2" }, (t, s) => s.related.length === 1 && s.related[0].issueKey === "BLG-1");
  await call("backlog_get_space_activities", { count: 3 }, (t, s) => s.activities.length === 3 && s.nextMaxId === s.activities[2].id);
  await call("backlog_get_user_recent_updates", { count: 3 }, (t, s) => s.activities.length > 0);
  await call("backlog_get_user_stars_count", { userId: 2 }, (t, s) => s.count === 3);
  await call("backlog_get_space", {}, (t, s) => s.name === "Sandbox Space" && s.lang === "ja");
  await call("backlog_get_myself", {}, (t, s) => s.id > 0 && t.startsWith("# Myself"));
  await call("backlog_get_issue_types", { projectIdOrKey: "BLG" }, (t, s) => s.issueTypes.map((i) => i.name).join() === "Bug,Task,Request,Other");
  await call("backlog_get_resolutions", {}, (t, s) => s.resolutions.length === 5 && t.includes("Won't Fix"));
  await call("backlog_get_project", { projectIdOrKey: "BLG" }, (t, s) => s.projectKey === "BLG" && typeof s.useWiki === "boolean");
  await call("backlog_count_issues", { projectIdOrKey: "BLG" }, (t, s) => s.count === 130);
  await call("backlog_get_wiki_pages", { projectIdOrKey: "BLG" }, (t, s) => s.wikiPages.length === 3 && s.wikiPages[1].tags.length === 2);
  await call("backlog_get_wikis_count", { projectIdOrKey: "WEB" }, (t, s) => s.count === 1);
  await call("backlog_get_wiki", { wikiId: 503 }, (t, s) => s.name === "運用手順" && s.content.includes("デプロイ") && s.truncated === false);
  await call("backlog_get_git_repositories", { projectIdOrKey: "BLG" }, (t, s) => s.repositories.length === 2);
  await call("backlog_get_git_repository", { projectIdOrKey: "BLG", repoIdOrName: "api" }, (t, s) => s.name === "api");
  await call("backlog_get_pull_requests", { projectIdOrKey: "BLG", repoIdOrName: "api", statusId: ["Open"] }, (t, s) => s.pullRequests.length === 1 && s.total === 1 && s.nextOffset === null);
  await call("backlog_get_pull_requests_count", { projectIdOrKey: "BLG", repoIdOrName: "api" }, (t, s) => s.count === 3);
  await call("backlog_get_pull_request", { projectIdOrKey: "BLG", repoIdOrName: "api", number: 3 }, (t, s) => s.issueKey === "BLG-1" && s.description === "Fixes BLG-1.");
  await call("backlog_get_pull_request_comments", { projectIdOrKey: "BLG", repoIdOrName: "api", number: 3 }, (t, s) => s.comments.length === 2);
  await call("backlog_get_notifications", { count: 2 }, (t, s) => s.notifications.length === 2 && s.notifications[0].id === 1004);
  await call("backlog_count_notifications", { alreadyRead: false }, (t, s) => s.count === 3);
  await call("backlog_get_watching_list_items", {}, (t, s) => s.items.length === 2 && s.userId > 0);
  await call("backlog_get_watching_list_count", {}, (t, s) => s.count === 2);
  await call("backlog_get_documents", { projectIdOrKey: "BLG" }, (t, s) => s.documents.length === 3 && s.nextOffset === null);
  await call("backlog_get_document_tree", { projectIdOrKey: "BLG" }, (t, s) => s.nodes.length === 4 && s.nodes[3].inTrash === true);
  await call("backlog_get_document", { documentId: "0193a1b2c3d4e5f60718293a4b5c6d71" }, (t, s) => s.title === "Code reviews" && s.tags[0] === "process");
  await call("backlog_get_child_issues", { issueIdOrKey: "BLG-3" }, (t, s) => s.children.length === 3 && s.parent === null);
  await call("backlog_get_custom_fields", { projectIdOrKey: "BLG" }, (t, s) => s.customFields.length === 3 && s.customFields[1].kind === "multiple list" && s.customFields[1].items.length === 3);

  const bad = await client.callTool({ name: "backlog_get_issue_list", arguments: { count: 500 } });
  check(bad.isError && bad.content[0].text.includes("count must be from 1 to 100"), "count 500 is an input error");
  const missing = await client.callTool({ name: "backlog_get_issue", arguments: { issueIdOrKey: "NOPE-1" } });
  check(missing.isError && missing.content[0].text.includes("No issue."), "a missing issue is a 404 with Backlog's message");

  const { prompts } = await client.listPrompts();
  check(prompts.length === 2, `2 prompts, got ${prompts.length}`);
  const prompt = await client.getPrompt({ name: "backlog_issue_summary", arguments: { issueKey: "BLG-1" } });
  check(prompt.messages[0].content.text.includes("BLG-1"), "prompt rendered");

  // A second server with writes enabled: every write tool called once, each answer validated by the SDK.
  const writer = new Client({ name: "backlog-mcp-e2e-writes", version: "1.0.0" });
  await writer.connect(new StdioClientTransport({
    command, args: commandArgs, cwd: work,
    env: { ...process.env, BACKLOG_BASE_URL: baseUrl, BACKLOG_API_KEY: "sandbox-api-key", BACKLOG_ENABLE_WRITES: "true", TZ: "UTC" },
    stderr: "pipe",
  }));
  try {
    const listed = (await writer.listTools()).tools;
    // The tools only a server with writes has (the download and export tools write local files, but are always there).
    const readable = new Set(tools.map((t) => t.name));
    const writes = listed.map((t) => t.name).filter((name) => !readable.has(name));
    const called = new Set();
    const write = async (name, args) => {
      called.add(name);
      const result = await writer.callTool({ name, arguments: args });
      const text = result.content.map((c) => c.text ?? "").join("");
      check(!result.isError && result.structuredContent !== undefined, `${name} succeeded: ${text.slice(0, 200)}`);
      return result.structuredContent ?? {};
    };
    const issue = (await write("backlog_add_issue", { projectIdOrKey: "BLG", summary: "From the TS SDK", issueType: "Task" })).issue;
    const key = issue?.issueKey;
    await write("backlog_update_issue", { issueIdOrKey: key, summary: "Edited by the TS SDK" });
    const { commentId } = await write("backlog_add_comment", { issueIdOrKey: key, content: "First words" });
    await write("backlog_update_issue_comment", { issueIdOrKey: key, commentId, content: "Second words" });
    await write("backlog_delete_issue_comment", { issueIdOrKey: key, commentId });
    const { wikiId } = await write("backlog_add_wiki", { projectIdOrKey: "BLG", name: "TS/SDK", content: "Written by the TS SDK." });
    await write("backlog_update_wiki", { wikiId, content: "Rewritten by the TS SDK." });
    await write("backlog_add_pull_request_comment", { projectIdOrKey: "BLG", repoIdOrName: "api", number: 3, content: "LGTM from TS" });
    const { number } = await write("backlog_add_pull_request", { projectIdOrKey: "BLG", repoIdOrName: "api", summary: "TS change", description: "From the TS SDK.", base: "main", branch: "ts/change" });
    await write("backlog_update_pull_request", { projectIdOrKey: "BLG", repoIdOrName: "api", number, summary: "TS change, renamed", comment: "Renamed." });
    const prComments = await writer.callTool({ name: "backlog_get_pull_request_comments", arguments: { projectIdOrKey: "BLG", repoIdOrName: "api", number } });
    await write("backlog_update_pull_request_comment", { projectIdOrKey: "BLG", repoIdOrName: "api", number, commentId: prComments.structuredContent.comments[0].id, content: "Renamed for clarity." });
    const { watchingId } = await write("backlog_add_watching", { issueIdOrKey: key, note: "TS follows" });
    await write("backlog_update_watching", { watchingId, note: "Still following" });
    await write("backlog_mark_watching_as_read", { watchingId });
    await write("backlog_delete_watching", { watchingId });
    await write("backlog_mark_notification_as_read", { notificationId: 1002 });
    await write("backlog_reset_unread_notification_count", {});
    await write("backlog_add_related_issue", { issueIdOrKey: key, relatedIssueIdOrKey: "BLG-1" });
    await write("backlog_remove_related_issue", { issueIdOrKey: key, relatedIssueIdOrKey: "BLG-1" });
    const version = await write("backlog_add_version_milestone", { projectIdOrKey: "BLG", name: "TS 1.0", releaseDueDate: "2026-12-24" });
    await write("backlog_update_version_milestone", { projectIdOrKey: "BLG", versionId: version.id, archived: true });
    await write("backlog_delete_version", { projectIdOrKey: "BLG", versionId: version.id });
    await write("backlog_add_project", { key: "TSS", name: "From the TS SDK" });
    await write("backlog_update_project", { projectIdOrKey: "TSS", name: "Renamed by the TS SDK" });
    await write("backlog_delete_project", { projectIdOrKey: "TSS" });
    await write("backlog_add_document", { projectIdOrKey: "BLG", title: "TS notes", content: "From the TS SDK." });
    await write("backlog_delete_issue", { issueIdOrKey: key });
    const missed = writes.filter((name) => !called.has(name));
    check(writes.length === 27 && missed.length === 0, `every write tool called (${writes.length} listed); not called: ${missed.join(", ")}`);
  } finally {
    await writer.close().catch(() => {});
  }
} catch (error) {
  failures.push(`run failed: ${error.stack ?? error}`);
} finally {
  await client.close().catch(() => {});
  sandbox.kill();
}
if (failures.length > 0) {
  console.error(`FAILED (${failures.length}):\n- ` + failures.join("\n- "));
  process.exit(1);
}
console.log("backlog-mcp e2e with @modelcontextprotocol/sdk: all checks passed");
process.exit(0);
