// backlog-js (Nulab's own client, https only) as a contract client of the Nulab Backlog sandbox: what backlog-mcp's
// tools and an agent need, each answer checked. Any throw or mismatch exits 1 with the step named.
// Usage: BACKLOG_HOST=127.0.0.1:port BACKLOG_API_KEY=… NODE_TLS_REJECT_UNAUTHORIZED=0 node backlog.mjs
import { Backlog } from 'backlog-js';
import { done, expect, passed, step } from './check.mjs';

const backlog = new Backlog({ host: process.env.BACKLOG_HOST, apiKey: process.env.BACKLOG_API_KEY });


const space = await step('space', () => backlog.getSpace());
expect(typeof space.spaceKey === 'string', 'a space key');
const me = await step('myself', () => backlog.getMyself());
expect(typeof me.id === 'number', 'a user id');
const projects = await step('projects', () => backlog.getProjects());
expect(projects.some(p => p.projectKey === 'BLG'), 'project BLG');
const project = await step('project', () => backlog.getProject('BLG'));
const types = await step('issue types', () => backlog.getIssueTypes('BLG'));
const fields = await step('custom fields', () => backlog.getCustomFields('BLG'));
expect(fields.some(f => f.typeId === 6 && f.items?.length === 3), 'a multiple list with its items');
const priorities = await step('priorities', () => backlog.getPriorities());
await step('resolutions', () => backlog.getResolutions());
const statuses = await step('statuses', () => backlog.getProjectStatuses('BLG'));
expect(statuses.some(s => s.id === 101), 'the custom status 101');
await step('categories', () => backlog.getCategories('BLG'));
await step('versions', () => backlog.getVersions('BLG'));
const issues = await step('issues', () => backlog.getIssues({ projectId: [project.id], count: 100, sort: 'created', order: 'asc' }));
expect(issues.length === 100 && issues.every(i => i.priority && typeof i.priority.name === 'string'), '100 issues, each with a priority');
const count = await step('issue count', () => backlog.getIssuesCount({ projectId: [project.id] }));
expect(count.count >= 100, 'a count of at least 100');
const issue = await step('issue', () => backlog.getIssue('BLG-1'));
expect(issue.issueKey === 'BLG-1', 'BLG-1');
const comments = await step('comments', () => backlog.getIssueComments('BLG-2', { count: 100, order: 'asc' }));
expect(comments.length === 100, '100 comments of BLG-2');
await step('attachments', () => backlog.getIssueAttachments('BLG-1'));
const created = await step('add issue', () => backlog.postIssue({ projectId: project.id, summary: 'From backlog-js', issueTypeId: types[0].id, priorityId: priorities[0].id, description: 'Made by *a third-party* client.' }));
expect(created.issueKey.startsWith('BLG-'), 'a BLG key');
const updated = await step('update issue', () => backlog.patchIssue(created.issueKey, { summary: 'Edited by backlog-js', statusId: 101 }));
expect(updated.summary === 'Edited by backlog-js' && updated.status.id === 101, 'the edit read back');
await step('add comment', () => backlog.postIssueComments(created.issueKey, { content: 'ok from backlog-js' }));
const seeded = await step('related issues', () => backlog.getRelatedIssues('BLG-2'));
expect(seeded.length === 1 && seeded[0].issueKey === 'BLG-1' && seeded[0].type === 'RELATES', 'BLG-1 related to BLG-2, type RELATES');
const relation = await step('add related issue', () => backlog.addRelatedIssue(created.issueKey, { targetIssueId: issue.id }));
expect(relation.issueKey === 'BLG-1', 'the related issue answered');
await step('remove related issue', () => backlog.removeRelatedIssue(created.issueKey, issue.id));
const version = await step('add version', () => backlog.postVersions('BLG', { name: 'From backlog-js', releaseDueDate: '2026-12-24' }));
expect(version.releaseDueDate?.startsWith('2026-12-24'), 'the release due date read back');
const renamed = await step('edit version', () => backlog.patchVersions('BLG', version.id, { name: 'Renamed by backlog-js', archived: true }));
expect(renamed.name === 'Renamed by backlog-js' && renamed.archived === true, 'the version edit read back');
await step('delete version', () => backlog.deleteVersions('BLG', version.id));
const deleted = await step('delete issue', () => backlog.deleteIssue(created.issueKey));
expect(deleted.issueKey === created.issueKey, 'the deleted issue answered');
const newProject = await step('add project', () => backlog.postProject({ key: 'BJS', name: 'From backlog-js', chartEnabled: false, subtaskingEnabled: false, textFormattingRule: 'markdown' }));
expect(newProject.projectKey === 'BJS', 'the new project read back');
const archivedProject = await step('edit project', () => backlog.patchProject('BJS', { name: 'Renamed by backlog-js', archived: true }));
expect(archivedProject.name === 'Renamed by backlog-js' && archivedProject.archived === true, 'the project edit read back');
await step('delete project', () => backlog.deleteProject('BJS'));
const doc = await step('add document', () => backlog.addDocument({ projectId: project.id, title: 'From backlog-js', content: 'Made by a third-party client.' }));
expect(typeof doc.id === 'string' && doc.title === 'From backlog-js', 'the new document read back');
const activities = await step('space activities', () => backlog.getSpaceActivities({ activityTypeId: [1, 3], count: 10, order: 'desc' }));
expect(activities.length === 10 && activities.every(a => [1, 3].includes(a.type) && a.project && a.createdUser && a.content.key_id > 0), '10 issue activities');
const mine = await step('user activities', () => backlog.getUserActivities(me.id, { count: 5 }));
expect(mine.every(a => a.createdUser.id === me.id), 'only my activities');
const stars = await step('stars count', () => backlog.getUserStarsCount(2, { since: '2025-06-01', until: '2026-01-04' }));
expect(stars.count === 2, 'two stars in the range');
const limit = await step('rate limit', () => backlog.getRateLimit());
expect(typeof limit.rateLimit?.read?.limit === 'number', 'a read limit');

done();
