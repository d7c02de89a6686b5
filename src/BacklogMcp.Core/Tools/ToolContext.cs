using System.Collections.Concurrent;
using BacklogMcp.Core.Api;
using BacklogMcp.Core.Files;

namespace BacklogMcp.Core.Tools;

/// <summary>What tools share for the life of the server: the API client, the download root, the clock, and a cache
/// of project keys to ids (keys do not change, so resolving one twice is wasted quota).</summary>
public sealed class ToolContext(NulabApiClient api, DownloadRoot downloads, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Task<NulabProject>> _projects = new(StringComparer.OrdinalIgnoreCase);

    public NulabApiClient Api { get; } = api;

    public DownloadRoot Downloads { get; } = downloads;

    public TimeProvider Clock { get; } = clock;

    /// <summary>BACKLOG_MAX_TOKENS: what one answer may cost (list answers are cut at an item boundary to fit).</summary>
    public Formatting.TokenBudget Budget { get; init; } = new(Formatting.TokenBudget.Default);

    public string IssueUrl(string? issueKey) => issueKey is null ? "" : Api.IssueUrl(issueKey);

    public async Task<NulabProject> ProjectAsync(string idOrKey, CancellationToken cancellationToken)
    {
        var task = _projects.GetOrAdd(idOrKey, key => Api.GetAsync($"/api/v2/projects/{Uri.EscapeDataString(key)}", null, NulabJsonContext.Default.NulabProject, CancellationToken.None));
        try
        {
            return await task.WaitAsync(cancellationToken);
        }
        catch
        {
            _projects.TryRemove(new KeyValuePair<string, Task<NulabProject>>(idOrKey, task));
            throw;
        }
    }

    public static string Segment(string idOrKey) => Uri.EscapeDataString(idOrKey.Trim());
}
