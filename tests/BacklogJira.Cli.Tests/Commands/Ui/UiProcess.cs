using System.Diagnostics;

namespace BacklogJira.Cli.Tests.Commands.Ui;

/// <summary><c>backlog-jira ui --no-open --port 0</c> as a real process on a <see cref="CliRun"/> project, with the
/// address it printed (session token included).</summary>
internal sealed class UiProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stderr;

    private UiProcess(Process process, Uri address, Task<string> stderr)
    {
        _process = process;
        Address = address;
        _stderr = stderr;
    }

    /// <summary>The printed address, with the token.</summary>
    public Uri Address { get; }

    /// <summary>The same server without the token.</summary>
    public Uri Root => new($"{Address.Scheme}://{Address.Authority}/");

    public string Token => Address.Query.Split("token=")[1];

    public static async Task<UiProcess> StartAsync(CliRun cli)
    {
        var process = Process.Start(CliProcess.StartInfo(cli, "ui", "--no-open", "--port", "0"))!;
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Trim().StartsWith("http://", StringComparison.Ordinal))
            {
                _ = process.StandardOutput.ReadToEndAsync();
                return new UiProcess(process, new Uri(line.Trim()), stderr);
            }
        }
        throw new InvalidOperationException("backlog-jira ui printed no address: " + await stderr);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _ = await _stderr;
        _process.Dispose();
    }
}
