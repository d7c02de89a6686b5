using System.Globalization;
using System.Runtime.InteropServices;
using Sandbox.Nulab;

namespace BacklogMcp;

/// <summary><c>backlog-mcp sandbox [--port N]</c>: a local Nulab Backlog look-alike to try the server against; prints
/// the two settings that point backlog-mcp at it and runs until Ctrl-C.</summary>
internal static class SandboxCommand
{
    private const string Usage = "Usage: backlog-mcp sandbox [--port N]   (N from 0 to 65535; 0, the default, picks a free port)";

    public static async Task<int> RunAsync(string[] args)
    {
        var port = 0;
        // Every argument is known or refused: a mistyped flag (--prot 5) must not start a sandbox on another port.
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--help" or "-h":
                    Console.WriteLine("backlog-mcp sandbox: a local Nulab Backlog look-alike (projects BLG, WEB, OLD) to try backlog-mcp against.");
                    Console.WriteLine(Usage);
                    return 0;
                case "--port" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out port) && port <= 65535:
                    i++;
                    break;
                case "--port":
                    await Console.Error.WriteLineAsync("backlog-mcp sandbox: --port needs a number from 0 to 65535, e.g. --port 8765");
                    return 2;
                default:
                    await Console.Error.WriteLineAsync($"backlog-mcp sandbox: unknown argument '{args[i]}'. {Usage}");
                    return 2;
            }
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
