using System.Text.Json.Nodes;
using BacklogJira.Sync.State;

namespace BacklogJira.Bench;

/// <summary>The bench's Backlog.md project set up as a team would: every Jira user the seeded issues are assigned to has
/// a handle, so an unchanged pair is in sync rather than waiting for a mapping.</summary>
internal static class BenchProject
{
    public static async Task MapSeededUsersAsync(StatePaths paths)
    {
        var config = SyncConfig.Load(paths).Json;
        config["backlog"]!["assigneeMapping"] = new JsonObject
        {
            ["alice"] = "5b10a2844c20165700ede21a",
            ["bob"] = "5b10a2844c20165700ede22b",
            ["carol"] = "5b10a2844c20165700ede23c",
        };
        await SyncConfig.SaveAsync(paths, config, CancellationToken.None);
    }
}
