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
        help.Stdout.ShouldContain("Usage: backlog-mcp sandbox [--port N]");
        help.Stdout.ShouldNotContain("listening");
    }
}
