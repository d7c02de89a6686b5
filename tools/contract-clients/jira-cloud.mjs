// jira.js (REST v3, Cloud) as a contract client of the Jira sandbox: what a sync tool or an agent needs, each answer
// checked for the shape jira.js's own types describe. Any throw or mismatch exits 1 with the step named.
// Usage: JIRA_URL=http://127.0.0.1:port JIRA_EMAIL=… JIRA_API_TOKEN=… node jira-cloud.mjs
import { Version3Client } from 'jira.js';
import { done, expect, passed, step } from './check.mjs';

const client = new Version3Client({
  host: process.env.JIRA_URL,
  authentication: { basic: { email: process.env.JIRA_EMAIL, apiToken: process.env.JIRA_API_TOKEN } },
});


const info = await step('server info', () => client.serverInfo.getServerInfo());
expect(info.deploymentType === 'Cloud', 'deploymentType Cloud');
const me = await step('myself', () => client.myself.getCurrentUser());
expect(typeof me.accountId === 'string', 'an accountId');
const project = await step('project', () => client.projects.getProject({ projectIdOrKey: 'DEMO' }));
expect(project.key === 'DEMO' && Array.isArray(project.issueTypes), 'project DEMO with issue types');
const types = await step('issue types', () => client.issueTypes.getIssueAllTypes());
expect(types.some(t => t.name === 'Task') && types.some(t => t.subtask), 'Task and a sub-task type');
const priorities = await step('priority search', () => client.issuePriorities.searchPriorities({}));
expect(priorities.values.length > 0 && typeof priorities.isLast === 'boolean', 'a page of priorities');
const resolutions = await step('resolution search', () => client.issueResolutions.searchResolutions({}));
expect(resolutions.values.some(r => r.name === "Won't Do"), "the Won't Do resolution");
const fields = await step('fields', () => client.issueFields.getFields());
expect(fields.some(f => f.id === 'customfield_10016' && f.schema?.custom), 'Story Points with its plugin');
const components = await step('components', () => client.projectComponents.getProjectComponents({ projectIdOrKey: 'DEMO' }));
expect(components.some(c => c.name === 'Backend'), 'the Backend component');
const permissions = await step('my permissions', () => client.permissions.getMyPermissions({ projectKey: 'DEMO', permissions: 'BROWSE_PROJECTS,EDIT_ISSUES' }));
expect(permissions.permissions.EDIT_ISSUES.havePermission === true, 'EDIT_ISSUES');
const meta = await step('create meta', () => client.issues.getCreateIssueMetaIssueTypeId({ projectIdOrKey: 'DEMO', issueTypeId: '10001' }));
expect((meta.fields ?? meta.results ?? []).some(f => f.fieldId === 'customfield_10022' && f.allowedValues?.length === 3), 'Risk with its three options');

const created = await step('create issue', () => client.issues.createIssue({
  fields: {
    project: { key: 'DEMO' },
    issuetype: { name: 'Task' },
    summary: 'From jira.js',
    description: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Made by a third-party client.' }] }] },
    labels: ['contract'],
    customfield_10016: 3,
    customfield_10022: { value: 'High' },
    components: [{ name: 'API' }],
  },
}));
expect(/^DEMO-\d+$/.test(created.key), 'a DEMO key');
await step('edit issue', () => client.issues.editIssue({ issueIdOrKey: created.key, fields: { summary: 'Edited by jira.js', customfield_10016: 5 } }));
await step('set property', () => client.issueProperties.setIssueProperty({ issueIdOrKey: created.key, propertyKey: 'contract', propertyValue: { by: 'jira.js' } }));
const issue = await step('get issue', () => client.issues.getIssue({ issueIdOrKey: created.key, expand: 'transitions,names', properties: ['*all'] }));
expect(issue.fields.summary === 'Edited by jira.js' && issue.fields.customfield_10016 === 5, 'the edit read back');
expect(issue.transitions?.length > 0 && issue.properties?.contract?.by === 'jira.js', 'transitions and properties expanded');
expect(issue.fields.components?.[0]?.name === 'API', 'the API component');

const walk = [['11'], ['31'], ['51', { resolution: { name: "Won't Do" } }]];
for (const [id, extra] of walk) {
  await step(`transition ${id}`, () => client.issues.doTransition({ issueIdOrKey: created.key, transition: { id }, fields: extra }));
}
const resolved = await step('get resolved', () => client.issues.getIssue({ issueIdOrKey: created.key, fields: ['resolution', 'status'] }));
expect(resolved.fields.resolution?.name === "Won't Do", "resolution Won't Do");
const open = await step('search unresolved', () => client.issueSearch.searchForIssuesUsingJqlEnhancedSearchPost({ jql: 'project = DEMO AND resolution = Unresolved', fields: ['summary'] }));
expect(!open.issues.some(i => i.key === created.key), 'the resolved issue left out of Unresolved');
const ids = await step('search ids only', () => client.issueSearch.searchForIssuesUsingJqlEnhancedSearchPost({ jql: `key = ${created.key}` }));
expect(ids.issues.length === 1 && Object.keys(ids.issues[0]).join() === 'id', 'ids only without fields');
const custom = await step('search custom field', () => client.issueSearch.searchForIssuesUsingJqlEnhancedSearch({ jql: 'cf[10016] >= 5 AND Risk = High', fields: ['summary'] }));
expect(custom.issues.some(i => i.key === created.key), 'the issue found by its custom fields');
await step('add comment', () => client.issueComments.addComment({ issueIdOrKey: created.key, comment: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'ok' }] }] } }));
const comments = await step('get comments', () => client.issueComments.getComments({ issueIdOrKey: created.key }));
expect(comments.total === 1, 'one comment');
await step('remote link', () => client.issueRemoteLinks.createOrUpdateRemoteIssueLink({ issueIdOrKey: created.key, globalId: 'contract-1', object: { url: 'https://example.com/spec', title: 'Spec' } }));
const links = await step('remote links', () => client.issueRemoteLinks.getRemoteIssueLinks({ issueIdOrKey: created.key }));
expect(links.length === 1, 'one remote link');
await step('delete remote link', () => client.issueRemoteLinks.deleteRemoteIssueLinkById({ issueIdOrKey: created.key, linkId: String(links[0].id) }));
expect((await client.issueRemoteLinks.getRemoteIssueLinks({ issueIdOrKey: created.key })).length === 0, 'remote link deleted');
const comment = comments.comments[0];
await step('edit comment', () => client.issueComments.updateComment({ issueIdOrKey: created.key, id: comment.id, body: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'edited' }] }] } }));
await step('delete comment', () => client.issueComments.deleteComment({ issueIdOrKey: created.key, id: comment.id }));
expect((await client.issueComments.getComments({ issueIdOrKey: created.key })).total === 0, 'comment deleted');
const linkTypes = await step('issue link types', () => client.issueLinkTypes.getIssueLinkTypes());
expect(linkTypes.issueLinkTypes.some(t => t.name === 'Blocks' && t.outward === 'blocks'), 'a Blocks link type');
const blocked = await step('create blocked issue', () => client.issues.createIssue({ fields: { project: { key: 'DEMO' }, issuetype: { name: 'Task' }, summary: 'Blocked by the first' } }));
// Jira's POST names the blocker as inwardIssue (docs/reference/jira.md §9).
await step('link issues', () => client.issueLinks.linkIssues({ type: { name: 'Blocks' }, inwardIssue: { key: created.key }, outwardIssue: { key: blocked.key } }));
const withLinks = await step('get links', () => client.issues.getIssue({ issueIdOrKey: blocked.key, fields: ['issuelinks'] }));
const link = withLinks.fields.issuelinks[0];
expect(link?.inwardIssue?.key === created.key && link.type.inward === 'is blocked by', 'the blocked issue shows its blocker under inwardIssue');
await step('get link', () => client.issueLinks.getIssueLink({ linkId: link.id }));
await step('delete link', () => client.issueLinks.deleteIssueLink({ linkId: link.id }));
const refused = await client.issues.editIssue({ issueIdOrKey: created.key, fields: { customfield_10022: { value: 'Apocalyptic' } } }).then(() => null, e => e);
expect(refused?.response?.status === 400, 'a 400 for an option Jira does not have');
passed('refusal');

done();
