// jira-client (REST v2, Data Center, a personal access token) as a contract client of the Jira sandbox: what a sync tool
// needs, each answer checked. Any throw or mismatch exits 1 with the step named.
// Usage: JIRA_URL=http://127.0.0.1:port JIRA_PERSONAL_TOKEN=… node jira-dc.mjs
import JiraApi from 'jira-client';
import { done, expect, passed, step } from './check.mjs';

const url = new URL(process.env.JIRA_URL);
const jira = new JiraApi({
  protocol: url.protocol.replace(':', ''),
  host: url.hostname,
  port: url.port,
  bearer: process.env.JIRA_PERSONAL_TOKEN,
  apiVersion: '2',
  strictSSL: true,
});


const info = await step('server info', () => jira.getServerInfo());
expect(info.deploymentType !== 'Cloud', 'a Data Center deployment');
const me = await step('myself', () => jira.getCurrentUser());
expect(typeof me.name === 'string' && typeof me.key === 'string', 'a user name and key');
const project = await step('project', () => jira.getProject('DEMO'));
expect(project.key === 'DEMO', 'project DEMO');
const types = await step('issue types', () => jira.listIssueTypes());
expect(types.some(t => t.name === 'Task'), 'the Task type');
const priorities = await step('priorities', () => jira.listPriorities());
expect(priorities.length > 0, 'priorities');
const fields = await step('fields', () => jira.listFields());
expect(fields.some(f => f.id === 'components'), 'the components field');
const components = await step('components', () => jira.listComponents('DEMO'));
expect(components.some(c => c.name === 'Frontend'), 'the Frontend component');

const created = await step('create issue', () => jira.addNewIssue({
  fields: {
    project: { key: 'DEMO' },
    issuetype: { name: 'Task' },
    summary: 'From jira-client',
    description: 'Made by *a third-party* client.',
    labels: ['contract'],
    customfield_10029: { value: 'S2' },
    customfield_10028: { value: 'Production', child: { value: 'US' } },
  },
}));
await step('update issue', () => jira.updateIssue(created.key, { fields: { summary: 'Edited by jira-client' }, update: { labels: [{ add: 'dc' }] } }));
const issue = await step('find issue', () => jira.findIssue(created.key));
expect(issue.fields.summary === 'Edited by jira-client', 'the edit read back');
expect(issue.fields.labels.includes('dc') && issue.fields.customfield_10028?.child?.value === 'US', 'labels and the cascading child');
expect(typeof issue.fields.description === 'string', 'a wiki description on v2');
const transitions = await step('transitions', () => jira.listTransitions(created.key));
expect(transitions.transitions.some(t => t.id === '11'), 'Start Progress');
await step('transition', () => jira.transitionIssue(created.key, { transition: { id: '11' } }));
const found = await step('search', () => jira.searchJira('project = DEMO AND status = "In Progress" AND resolution = Unresolved', { fields: ['summary', 'status'], maxResults: 50 }));
expect(found.issues.some(i => i.key === created.key) && typeof found.total === 'number', 'the issue in an offset page with a total');
await step('add comment', () => jira.addComment(created.key, 'ok from jira-client'));
const comments = await step('comments', () => jira.getComments(created.key));
expect(comments.comments.length === 1, 'one comment');
await step('remote link', () => jira.createRemoteLink(created.key, { globalId: 'contract-dc', object: { url: 'https://example.com', title: 'Example' } }));
const links = await step('remote links', () => jira.getRemoteLinks(created.key));
expect(links.length === 1, 'one remote link');
const refused = await jira.updateIssue(created.key, { fields: { labels: ['needs review'] } }).then(() => null, e => e);
// jira-client rejects with an Error whose message is the JSON of Jira's error body.
const rejection = refused ? JSON.parse(refused.message) : null;
expect(typeof rejection?.errors?.labels === 'string', "Jira's error collection naming labels for a label with a space");
passed('refusal');

done();
