namespace Sandbox.Jira;

public enum SandboxMode
{
    Cloud,
    DataCenter,
}

/// <summary>How a sandbox starts: which Jira it imitates, who may log in, what it holds.</summary>
public sealed record SandboxOptions
{
    public SandboxMode Mode { get; init; } = SandboxMode.Cloud;

    /// <summary>0 picks a free port.</summary>
    public int Port { get; init; }

    /// <summary>Cloud: the email of Basic auth. Data Center: the user name.</summary>
    public string User { get; init; } = "demo@example.com";

    /// <summary>Cloud: the API token. Data Center: the personal access token.</summary>
    public string Token { get; init; } = "sandbox-token";

    public string ProjectKey { get; init; } = "DEMO";

    /// <summary>A JSON file the state is loaded from and saved to after every change; null keeps it in memory.</summary>
    public string? DataFile { get; init; }

    /// <summary>The logged-in user's time zone: timestamps carry its offset and JQL dates are read in it, as Jira does.</summary>
    public string TimeZone { get; init; } = "UTC";

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>A context path such as <c>/jira</c>, as Data Center sites often have: the API lives below it.</summary>
    public string? ContextPath { get; init; }
}
