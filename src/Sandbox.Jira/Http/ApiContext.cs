using Sandbox.Jira.State;

namespace Sandbox.Jira.Http;

/// <summary>What shapes an answer: REST version (2 = wiki strings, 3 = ADF), deployment, base URL, the state.</summary>
public sealed record ApiContext(int Version, string BaseUrl, SandboxState State)
{
    public SandboxMode Mode => State.Mode;

    public bool IsCloud => Mode == SandboxMode.Cloud;

    public string ApiBase => $"{BaseUrl}/rest/api/{Version}";
}
