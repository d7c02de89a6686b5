using BacklogJira.Testing;
using Sandbox.Nulab;

namespace BacklogMcp.Tests;

/// <summary>One sandbox and one backlog-mcp process shared by a test class (its tests run one after another).</summary>
public class ServerFixture : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _workingDirectory = new("backlog-mcp");

    public NulabSandbox Sandbox { get; private set; } = null!;

    public BacklogMcpProcess Server { get; private set; } = null!;

    protected virtual IDictionary<string, string?> ExtraEnvironment => new Dictionary<string, string?>();

    public async Task InitializeAsync()
    {
        Sandbox = await NulabSandbox.StartAsync();
        Server = await BacklogMcpProcess.StartAsync(Sandbox, _workingDirectory.Path, ExtraEnvironment);
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await Sandbox.DisposeAsync();
        Dispose();
    }

    public void Dispose()
    {
        _workingDirectory.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class WritableServerFixture : ServerFixture
{
    protected override IDictionary<string, string?> ExtraEnvironment => new Dictionary<string, string?> { ["BACKLOG_ENABLE_WRITES"] = "true" };
}
