namespace BacklogJira.Serve.Work;

/// <summary>How <c>serve</c> runs (its command line, with the defaults a team gets without flags).</summary>
public sealed record ServeOptions
{
    public System.Net.IPAddress Bind { get; init; } = System.Net.IPAddress.Loopback;

    /// <summary>0 picks a free port (tests); the address is printed either way.</summary>
    public int Port { get; init; } = 8787;

    /// <summary>How long the worker waits after the first event of a burst for the rest of it.</summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The safety net: an incremental sync of everything this often, catching a lost webhook.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Import an issue created (or moved) into the import scope; off with <c>--no-import</c>.</summary>
    public bool ImportNew { get; init; } = true;

    /// <summary>Watch the task files (off with <c>--no-files</c>: the poll still catches task edits).</summary>
    public bool WatchFiles { get; init; } = true;

    /// <summary>The secret Jira signs with, or the token a Data Center webhook URL carries.</summary>
    public required string WebhookSecret { get; init; }

    /// <summary>Largest webhook body accepted (Jira's payloads carry the fields, so a long description is big).</summary>
    public long MaxBodyBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Webhook requests accepted per minute before 429s.</summary>
    public int RequestsPerMinute { get; init; } = 600;
}
