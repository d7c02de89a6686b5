using System.Diagnostics;

namespace BacklogMcp.Tests;

/// <summary>The executable's own arguments: help, version, bad arguments (exit 2, on stderr), the sandbox's port.</summary>
public sealed class CommandLineTests
{
    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] arguments)
    {
        var (command, prefix) = BacklogMcpProcess.Launch;
        using var process = Process.Start(new ProcessStartInfo(command, [.. prefix, .. arguments]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }

    [Fact]
    public async Task Help_names_every_setting_and_version_prints_the_version()
    {
        var (code, help, _) = await RunAsync("--help");
        code.ShouldBe(0);
        foreach (var setting in new[] { "BACKLOG_BASE_URL", "BACKLOG_API_KEY", "ATTACHMENT_WORKSPACE", "BACKLOG_ENABLE_WRITES", "BACKLOG_TIMEOUT_SECONDS", "backlog-mcp sandbox [--port N]" })
            help.ShouldContain(setting);
        (await RunAsync("--version")).Stdout.Trim().ShouldBe("1.0.0");
    }

    [Fact]
    public async Task Bad_arguments_exit_2_with_a_message_on_stderr()
    {
        var (code, stdout, stderr) = await RunAsync("--serve");
        code.ShouldBe(2);
        stdout.ShouldBeEmpty();
        stderr.ShouldContain("unknown argument '--serve'");
        var sandbox = await RunAsync("sandbox", "--port", "http");
        sandbox.Code.ShouldBe(2);
        sandbox.Stderr.ShouldContain("--port needs a number from 0 to 65535");
        // A mistyped flag is refused instead of starting a sandbox on a port nobody asked for; --help only helps.
        var typo = await RunAsync("sandbox", "--prot", "5");
        typo.Code.ShouldBe(2);
        typo.Stderr.ShouldContain("unknown argument '--prot'");
        var help = await RunAsync("sandbox", "--help");
        help.Code.ShouldBe(0);
        help.Stdout.ShouldContain("Usage: backlog-mcp sandbox [--port N] [--https-port N]");
        var https = await RunAsync("sandbox", "--https-port", "x");
        https.Code.ShouldBe(2);
        https.Stderr.ShouldContain("--https-port needs a number from 0 to 65535");
        help.Stdout.ShouldNotContain("listening");
    }

    [Fact]
    public async Task The_sandbox_serves_https_when_asked_for_clients_that_speak_nothing_else()
    {
        var (command, prefix) = BacklogMcpProcess.Launch;
        using var process = Process.Start(new ProcessStartInfo(command, [.. prefix, "sandbox", "--https-port", "0"]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        try
        {
            string? key = null;
            Uri? https = null;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (https is null && await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.Trim().StartsWith("BACKLOG_API_KEY=", StringComparison.Ordinal)) key = line.Trim()["BACKLOG_API_KEY=".Length..];
                if (line.StartsWith("Also over https at ", StringComparison.Ordinal)) https = new Uri(line["Also over https at ".Length..].Split(' ')[0]);
            }
            https.ShouldNotBeNull();
            https.Scheme.ShouldBe("https");
            using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator };
            using var http = new HttpClient(handler);
            var fields = await http.GetStringAsync(new Uri(https, $"/api/v2/projects/BLG/customFields?apiKey={key}"));
            fields.ShouldContain("\"name\":\"Story points\"");
            // Backlog requires a priority on every issue, so none of the seed's may lack one (backlog-js reads it unguarded).
            var issues = System.Text.Json.Nodes.JsonNode.Parse(await http.GetStringAsync(new Uri(https, $"/api/v2/issues?apiKey={key}&count=100&sort=created&order=asc")))!.AsArray();
            issues.Count.ShouldBe(100);
            issues.ShouldAllBe(i => i!["priority"] != null);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }
}
