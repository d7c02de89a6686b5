using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BacklogJira.Sync.State;

namespace BacklogJira.Operations;

/// <summary>Fingerprints of what a plan was computed from, per pair: the task file's bytes, the issue it is paired
/// with, and that issue's last update in Jira. Any edit on either side, or a re-pairing, changes it.</summary>
internal static class PlanBasis
{
    public static async Task<Dictionary<string, string>> ComputeAsync(Workspace workspace, IReadOnlyCollection<string> taskIds, CancellationToken cancellationToken)
    {
        var mappings = MappingFile.Load(workspace.Paths);
        var pairs = taskIds.Select(id => (Id: id, Pair: mappings.ForTask(id))).ToList();
        var keys = pairs.Select(p => p.Pair?.JiraKey).OfType<string>().ToList();
        var issues = keys.Count == 0 ? [] : (await workspace.Jira.GetIssuesAsync(keys, cancellationToken)).ToDictionary(i => i.Key, StringComparer.OrdinalIgnoreCase);
        var basis = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (id, pair) in pairs)
        {
            var file = TryRead(workspace, id);
            var issue = pair is null ? null : issues.GetValueOrDefault(pair.JiraKey);
            var text = string.Join("\n", id, Convert.ToHexString(SHA256.HashData(file)), pair?.JiraKey ?? "", pair?.JiraId ?? "",
                issue?.Updated.UtcTicks.ToString(CultureInfo.InvariantCulture) ?? "", issue?.DescriptionFingerprint ?? "");
            basis[id] = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..24];
        }
        return basis;
    }

    private static byte[] TryRead(Workspace workspace, string id)
    {
        try
        {
            return File.ReadAllBytes(workspace.Store.Get(id).FilePath);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or BacklogJira.BacklogMd.TaskLookupException)
        {
            return [];
        }
    }
}
