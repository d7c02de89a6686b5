using System.Globalization;
using System.Runtime.InteropServices;
using Sandbox.Nulab;

namespace BacklogMcp;

/// <summary><c>backlog-mcp sandbox [--port N] [--https-port N]</c>: a local Nulab Backlog look-alike to try the server
/// against; prints the two settings that point backlog-mcp at it and runs until Ctrl-C. <c>--https-port</c> adds a TLS
/// listener with a throwaway self-signed certificate, for clients that speak https only (backlog-js, Nulab's server).</summary>
internal static class SandboxCommand
{
    private const string Usage = "Usage: backlog-mcp sandbox [--port N] [--https-port N]   (N from 0 to 65535; 0 picks a free port; --port defaults to 0, https is off unless asked)";

    public static async Task<int> RunAsync(string[] args)
    {
        var port = 0;
        int? httpsPort = null;
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
                case "--https-port" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var tls) && tls <= 65535:
                    httpsPort = tls;
                    i++;
                    break;
                case "--port" or "--https-port":
                    await Console.Error.WriteLineAsync($"backlog-mcp sandbox: {args[i]} needs a number from 0 to 65535, e.g. {args[i]} 8765");
                    return 2;
                default:
                    await Console.Error.WriteLineAsync($"backlog-mcp sandbox: unknown argument '{args[i]}'. {Usage}");
                    return 2;
            }
        }
        await using var sandbox = await NulabSandbox.StartAsync(new NulabSandboxOptions { Port = port, HttpsPort = httpsPort });
        Console.WriteLine($"Nulab Backlog sandbox listening on {sandbox.BaseUrl} ({sandbox.Space.Read(s => s.Issues.Count)} issues in {sandbox.Space.Read(s => s.Projects.Count)} projects: BLG, WEB, OLD).");
        Console.WriteLine("Point backlog-mcp at it with:");
        Console.WriteLine($"  BACKLOG_BASE_URL={sandbox.BaseUrl.GetLeftPart(UriPartial.Authority)}");
        Console.WriteLine($"  BACKLOG_API_KEY={sandbox.ApiKey}");
        if (sandbox.HttpsUrl is { } https)
        {
            Console.WriteLine($"Also over https at {https.GetLeftPart(UriPartial.Authority)} with a self-signed certificate made for this run;");
            Console.WriteLine("https-only clients must be told to accept it (Node: NODE_TLS_REJECT_UNAUTHORIZED=0, for this sandbox only).");
        }
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
