using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using BacklogJira.Core.Ports;
using BacklogJira.Jira.Errors;
using BacklogJira.Jira.Wire;

namespace BacklogJira.Jira.Rest;

/// <summary>Jira Software's Agile API (<c>/rest/agile/1.0</c>, docs/reference/jira.md §11), for milestones as sprints:
/// the board's open sprints (read once per project per run) and moving an issue into a sprint or back to the backlog.</summary>
public sealed partial class JiraRestClient
{
    private const string Agile = "/rest/agile/1.0";
    private readonly ConcurrentDictionary<string, Task<IReadOnlyList<JiraSprint>>> _openSprints = new(StringComparer.OrdinalIgnoreCase);

    public bool ReadsSprints => true;

    public Task<IReadOnlyList<JiraSprint>> GetOpenSprintsAsync(string projectKey, bool fresh, CancellationToken cancellationToken) =>
        fresh
            ? _openSprints.AddOrUpdate(projectKey, key => ReadOpenSprintsAsync(key, cancellationToken), (key, _) => ReadOpenSprintsAsync(key, cancellationToken))
            : _openSprints.GetOrAdd(projectKey, key => ReadOpenSprintsAsync(key, cancellationToken));

    private async Task<IReadOnlyList<JiraSprint>> ReadOpenSprintsAsync(string projectKey, CancellationToken cancellationToken)
    {
        var board = _settings.SprintBoardId ?? await ScrumBoardAsync(projectKey, cancellationToken);
        var sprints = new List<JiraSprint>();
        for (var startAt = 0; ; )
        {
            var page = await _http.SendAsync(HttpMethod.Get, $"{Agile}/board/{board}/sprint?state=active,future&startAt={startAt}&maxResults=50", null, true, cancellationToken) ?? new JsonObject();
            var values = page["values"] as JsonArray ?? [];
            sprints.AddRange(SprintValues.Parse(values));
            startAt += values.Count;
            if (values.Count == 0 || page["isLast"]?.GetValue<bool>() != false) return sprints;
        }
    }

    private async Task<long> ScrumBoardAsync(string projectKey, CancellationToken cancellationToken)
    {
        var page = await _http.SendAsync(HttpMethod.Get, $"{Agile}/board?projectKeyOrId={Uri.EscapeDataString(projectKey)}&type=scrum&maxResults=50", null, true, cancellationToken);
        var first = (page?["values"] as JsonArray ?? []).FirstOrDefault();
        return long.TryParse(JiraReader.Text(first?["id"]), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new JiraException($"Project {projectKey} has no scrum board, so its issues have no sprints to match milestones; create a scrum board in Jira, set jira.sprintBoardId in .backlog-jira/config.json, or set jira.milestoneAs to \"fixVersion\".");
    }

    public Task MoveToSprintAsync(long sprintId, string key, CancellationToken cancellationToken) =>
        _http.SendAsync(HttpMethod.Post, $"{Agile}/sprint/{sprintId}/issue", new JsonObject { ["issues"] = new JsonArray(key) }, true, cancellationToken);

    public Task MoveToBacklogAsync(string key, CancellationToken cancellationToken) =>
        _http.SendAsync(HttpMethod.Post, $"{Agile}/backlog/issue", new JsonObject { ["issues"] = new JsonArray(key) }, true, cancellationToken);
}
