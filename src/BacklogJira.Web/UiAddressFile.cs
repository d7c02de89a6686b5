using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using BacklogTools.Files;

namespace BacklogJira.Web;

/// <summary>
/// <c>.backlog-jira/ui/address.json</c> (local, owner-only, in a folder git ignores from the inside): the address (with
/// its session token) and process of the UI running on this repository, whether <c>serve</c> hosts it or <c>ui</c>
/// started it, so that a later <c>backlog-jira ui</c> opens that one instead of starting a second (docs/web-ui.md).
/// </summary>
public sealed class UiAddressFile(string stateRoot)
{
    public sealed record Running(Uri Address, int ProcessId);

    private string Folder => Path.Combine(stateRoot, "ui");

    public string FilePath => Path.Combine(Folder, "address.json");

    public async Task WriteAsync(Uri address, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var ignore = Path.Combine(Folder, ".gitignore");
        if (!File.Exists(ignore)) await AtomicFile.WriteAllTextAsync(ignore, "*\n", cancellationToken);
        var document = new JsonObject { ["address"] = address.ToString(), ["pid"] = Environment.ProcessId, ["host"] = Environment.MachineName };
        await AtomicFile.WritePrivateTextAsync(FilePath, document.ToJsonString() + "\n", cancellationToken);
    }

    /// <summary>The UI recorded here when its process is still alive on this machine; null otherwise (none, another
    /// machine's clone, a process gone after a kill, an unreadable file).</summary>
    public Running? TryReadLive()
    {
        try
        {
            if (!File.Exists(FilePath) || JsonNode.Parse(File.ReadAllText(FilePath)) is not JsonObject json) return null;
            if (json["host"]?.GetValue<string>() != Environment.MachineName) return null;
            if (!Uri.TryCreate(json["address"]?.GetValue<string>(), UriKind.Absolute, out var address)) return null;
            var pid = json["pid"]?.GetValue<int>() ?? 0;
            using var process = Process.GetProcessById(pid);
            return process.HasExited ? null : new Running(address, pid);
        }
        catch (Exception error) when (error is IOException or JsonException or InvalidOperationException or ArgumentException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    /// <summary>Removes the record if it is this process's (a UI that stops).</summary>
    public void DeleteIfMine()
    {
        try
        {
            if (File.Exists(FilePath) && JsonNode.Parse(File.ReadAllText(FilePath))?["pid"]?.GetValue<int>() == Environment.ProcessId) File.Delete(FilePath);
        }
        catch (Exception error) when (error is IOException or JsonException or InvalidOperationException or UnauthorizedAccessException)
        {
            // Left for the next UI to see as gone.
        }
    }
}
