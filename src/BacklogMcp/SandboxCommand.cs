using System.Globalization;
using System.Runtime.InteropServices;
using Sandbox.Nulab;

namespace BacklogMcp;

/// <summary><c>backlog-mcp sandbox [--port N]</c>: a local Nulab Backlog look-alike to try the server against; prints
/// the two settings that point backlog-mcp at it and runs until Ctrl-C.</summary>
internal static class SandboxCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var port = 0;
        var at = Array.IndexOf(args, "--port");
        if (at >= 0 && (at + 1 >= args.Length || !int.TryParse(args[at + 1], NumberStyles.None, CultureInfo.InvariantCulture, out port) || port > 65535))
        {
            await Console.Error.WriteLineAsync("backlog-mcp sandbox: --port needs a number from 0 to 65535, e.g. --port 8765");
            return 2;
        }
        await using var sandbox = await NulabSandbox.StartAsync(new NulabSandboxOptions { Port = port });
        Console.WriteLine($"Nulab Backlog sandbox listening on {sandbox.BaseUrl} ({sandbox.Space.Read(s => s.Issues.Count)} issues in {sandbox.Space.Read(s => s.Projects.Count)} projects: BLG, WEB, OLD).");
        Console.WriteLine("Point backlog-mcp at it with:");
        Console.WriteLine($"  BACKLOG_BASE_URL={sandbox.BaseUrl.GetLeftPart(UriPartial.Authority)}");
        Console.WriteLine($"  BACKLOG_API_KEY={sandbox.ApiKey}");
        Console.WriteLine("Press Ctrl-C to stop.");
        // The web host inside the sandbox takes over SIGTERM and SIGINT for its own lifetime, so listen for them here.
        var stopped = new TaskCompletionSource();
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        await stopped.Task;
        return 0;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stopped.TrySetResult();
        }
    }
}
