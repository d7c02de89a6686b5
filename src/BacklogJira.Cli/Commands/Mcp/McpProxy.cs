using System.ComponentModel;
using System.Diagnostics;
using BacklogJira.Jira.Mcp;

namespace BacklogJira.Cli.Commands.Mcp;

/// <summary>
/// Runs the MCP server as a child and relays stdio byte for byte: our stdin to its stdin, its stdout to our stdout
/// (the JSON-RPC stream, which nothing else writes to), its stderr to our stderr. A child that cannot be started, or
/// exits within the first second, is reported before anything claims success. Ctrl-C closes its input and stops it.
/// </summary>
internal sealed class McpProxy(McpServerLaunch launch, IDictionary<string, string?> environment, TextWriter diagnostics)
{
    private static readonly TimeSpan StartGrace = TimeSpan.FromSeconds(1);

    public async Task<int> RunAsync(Stream input, Stream output, Stream errorOutput, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(launch.Command)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = launch.WorkingDirectory ?? Path.GetTempPath(),
        };
        foreach (var argument in launch.Arguments) start.ArgumentList.Add(argument);
        start.Environment.Clear();
        foreach (var (name, value) in environment) start.Environment[name] = value;

        Process child;
        try
        {
            child = Process.Start(start) ?? throw new Win32Exception("no process");
        }
        catch (Win32Exception error)
        {
            await diagnostics.WriteLineAsync($"backlog-jira: could not start {launch.Command}: {error.Message}. " +
                "Install uv (https://docs.astral.sh/uv/) or Docker, or set mcp.command in .backlog-jira/config.json.");
            return ExitCodes.Failure;
        }

        using (child)
        {
            var relayOut = RelayAsync(child.StandardOutput.BaseStream, output);
            var relayErr = RelayAsync(child.StandardError.BaseStream, errorOutput);
            // Not awaited: our stdin may stay open after the child exits; the relay ends with the process.
            _ = RelayInputAsync(input, child.StandardInput.BaseStream, cancellationToken);
            var exited = child.WaitForExitAsync(CancellationToken.None);
            if (await Task.WhenAny(exited, Task.Delay(StartGrace, CancellationToken.None)) == exited && child.ExitCode != 0)
            {
                await Task.WhenAll(relayOut, relayErr);
                await diagnostics.WriteLineAsync($"backlog-jira: {launch.Describe()} exited at start with code {child.ExitCode} (its messages are above).");
                return child.ExitCode;
            }
            if (!exited.IsCompleted) await diagnostics.WriteLineAsync($"backlog-jira: MCP server started (pid {child.Id}), relaying stdio.");

            using var stop = cancellationToken.Register(() =>
            {
                try { child.StandardInput.Close(); }
                catch (IOException) { }
                if (!child.WaitForExit(TimeSpan.FromSeconds(5))) child.Kill(entireProcessTree: true);
            });
            await exited;
            await Task.WhenAll(relayOut, relayErr);
            return cancellationToken.IsCancellationRequested ? 130 : child.ExitCode;
        }
    }

    private static async Task RelayAsync(Stream from, Stream to)
    {
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await from.ReadAsync(buffer)) > 0)
        {
            await to.WriteAsync(buffer.AsMemory(0, read));
            await to.FlushAsync();
        }
    }

    /// <summary>Our stdin ending (the MCP client closed it) closes the child's, which is how stdio servers stop.</summary>
    private static async Task RelayInputAsync(Stream from, Stream to, CancellationToken cancellationToken)
    {
        try
        {
            var buffer = new byte[16 * 1024];
            int read;
            while ((read = await from.ReadAsync(buffer, cancellationToken)) > 0)
            {
                await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                await to.FlushAsync(cancellationToken);
            }
        }
        catch (Exception error) when (error is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The child went away or we are stopping: nothing left to relay.
        }
        finally
        {
            try { to.Close(); }
            catch (IOException) { }
        }
    }
}
