using System.Text.Json.Nodes;
using BacklogJira.Core.Mapping;
using BacklogJira.Core.Ports;
using BacklogJira.Sync.State;

namespace BacklogJira.Sync.Engine;

/// <summary>
/// <c>map-assignees add|remove</c>: edits <c>backlog.assigneeMapping</c> in config.json, keeping every other key. A Jira
/// user given by email or name is looked up and stored by its stable identifier (accountId on Cloud, user name on Data
/// Center), so a later rename in Jira does not break the mapping.
/// </summary>
public sealed class AssigneeMappingEditor(StatePaths paths)
{
    public async Task<(string Handle, string JiraId, JiraUser? User)> AddAsync(IJiraClient? jira, string handle, string jiraUser, bool force, CancellationToken cancellationToken)
    {
        var bare = handle.Trim().TrimStart('@');
        if (bare.Length == 0) throw new MappingException("Give the Backlog assignee, e.g. @alice.");
        var config = SyncConfig.Load(paths);
        if (config.Assignees.ToJira(bare) is { } existing && !force)
            throw new MappingException($"@{bare} is already mapped to {existing}; add --force to replace it.");
        JiraUser? user = null;
        if (jira is not null)
        {
            user = await jira.FindUserAsync(jiraUser, cancellationToken)
                ?? throw new MappingException($"No Jira user matches '{jiraUser}'. Give an accountId, an email or the exact display name.");
        }
        var id = user is null ? jiraUser.Trim() : user.AccountId ?? user.Name ?? user.Key ?? jiraUser.Trim();
        var json = config.Json;
        var backlog = json["backlog"] as JsonObject ?? [];
        json["backlog"] = backlog;
        var mapping = backlog["assigneeMapping"] as JsonObject ?? [];
        backlog["assigneeMapping"] = mapping;
        foreach (var key in mapping.Select(p => p.Key).Where(k => string.Equals(k.TrimStart('@'), bare, StringComparison.OrdinalIgnoreCase)).ToList())
            mapping.Remove(key);
        mapping[bare] = id;
        await SyncConfig.SaveAsync(paths, json, cancellationToken);
        return (AssigneeMapping.Handle(bare), id, user);
    }

    public async Task<string> RemoveAsync(string handle, CancellationToken cancellationToken)
    {
        var bare = handle.Trim().TrimStart('@');
        var json = SyncConfig.Load(paths).Json;
        if (json["backlog"]?["assigneeMapping"] is not JsonObject mapping) throw new MappingException($"No mapping found for @{bare}.");
        var key = mapping.Select(p => p.Key).FirstOrDefault(k => string.Equals(k.TrimStart('@'), bare, StringComparison.OrdinalIgnoreCase))
            ?? throw new MappingException($"No mapping found for @{bare}.");
        var removed = mapping[key]?.ToString() ?? "";
        mapping.Remove(key);
        await SyncConfig.SaveAsync(paths, json, cancellationToken);
        return removed;
    }
}
