namespace Sandbox.Nulab;

public sealed record NulabSandboxOptions
{
    /// <summary>0 picks a free port.</summary>
    public int Port { get; init; }

    /// <summary>The one API key the sandbox accepts (as <c>apiKey</c> or as a Bearer token).</summary>
    public string ApiKey { get; init; } = "sandbox-api-key";

    /// <summary>Per-minute limits of the read, update and search categories (Backlog's paid-plan figures).</summary>
    public int ReadLimit { get; init; } = 600;

    public int UpdateLimit { get; init; } = 150;

    public int SearchLimit { get; init; } = 150;

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Also listen with TLS (a throwaway self-signed certificate) on this port (0 picks one), for clients
    /// that only speak https, such as Nulab's own server; null: http only.</summary>
    public int? HttpsPort { get; init; }

    /// <summary>False starts with an empty space (users and priorities only).</summary>
    public bool Seed { get; init; } = true;
}
