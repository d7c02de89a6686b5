using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using BacklogJira.Cli.Commands.Mcp;
using BacklogJira.Jira.Mcp;

namespace BacklogJira.Cli.Tests.Commands;

/// <summary><c>mcp start</c> run as the real executable, relaying a fake server's stdio.</summary>
public class McpStartCommandTests
{
    private static async Task<(int Code, byte[] Stdout, string Stderr)> RunAsync(CliRun cli, byte[] input, params string[] args)
    {
        var start = CliProcess.StartInfo(cli, args);
        using var process = Process.Start(start)!;
        var stdout = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.BaseStream.WriteAsync(input);
        process.StandardInput.Close();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        await copy;
        return (process.ExitCode, stdout.ToArray(), await stderr);
    }

    private static async Task<CliRun> WithServerAsync(string command, params string[] args)
    {
        var cli = await CliRun.StartAsync();
        (await cli.RunAsync("init", "--project-key", "DEMO")).ExitCode.ShouldBe(0);
        var path = Path.Combine(cli.Root, ".backlog-jira", "config.json");
        var config = JsonNode.Parse(await File.ReadAllTextAsync(path))!;
        config["mcp"] = new JsonObject { ["command"] = command, ["args"] = new JsonArray([.. args.Select(a => (JsonNode?)a)]) };
        await File.WriteAllTextAsync(path, config.ToJsonString());
        return cli;
    }

    [Fact]
    public async Task The_servers_stdio_is_relayed_byte_for_byte_and_our_lines_go_to_stderr()
    {
        await using var cli = await WithServerAsync("cat");
        var input = Encoding.UTF8.GetBytes("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"x\":\"héllo — ünïcode 🚀\"}}\r\n{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n")
            .Concat(Enumerable.Range(0, 70_000).Select(i => (byte)('a' + i % 26))).ToArray();
        var (code, stdout, stderr) = await RunAsync(cli, input, "mcp", "start", "--verbose");
        code.ShouldBe(0, stderr);
        stdout.ShouldBe(input);
        stderr.ShouldContain("starting ");
        stderr.ShouldNotContain(cli.Jira.Sandbox.Options.Token);
    }

    [Fact]
    public async Task A_server_that_fails_at_start_is_reported_on_stderr_with_its_exit_code()
    {
        await using var cli = await WithServerAsync("sh", "-c", "echo 'Error: JIRA_URL is invalid' >&2; exit 4");
        var (code, stdout, stderr) = await RunAsync(cli, [], "mcp", "start");
        code.ShouldBe(4);
        stdout.ShouldBeEmpty();
        stderr.ShouldContain("Error: JIRA_URL is invalid");
        stderr.ShouldContain("exited at start with code 4");
        stderr.ShouldNotContain("started (pid");
    }

    [Fact]
    public async Task A_command_that_does_not_exist_says_how_to_install_a_server()
    {
        await using var cli = await WithServerAsync("/nonexistent/mcp-atlassian");
        var (code, stdout, stderr) = await RunAsync(cli, [], "mcp", "start");
        code.ShouldBe(1);
        stdout.ShouldBeEmpty();
        stderr.ShouldContain("could not start /nonexistent/mcp-atlassian");
        stderr.ShouldContain("uv");
    }

    [Fact]
    public async Task The_server_gets_only_the_credentials_and_a_fixed_zone_from_our_environment()
    {
        await using var cli = await WithServerAsync("sh", "-c", "env | sort");
        var env = (System.Collections.Hashtable)cli.Environment;
        env["AWS_SECRET_ACCESS_KEY"] = "do-not-pass";
        cli.EnvironmentOverride = env;
        var (code, stdout, _) = await RunAsync(cli, [], "mcp", "start");
        code.ShouldBe(0);
        var lines = Encoding.UTF8.GetString(stdout);
        lines.ShouldContain("JIRA_URL=");
        lines.ShouldContain("JIRA_API_TOKEN=");
        lines.ShouldContain("TZ=UTC");
        lines.ShouldNotContain("AWS_SECRET_ACCESS_KEY");
    }

    [Fact]
    public void Dns_options_become_one_flag_each_before_the_docker_image()
    {
        var docker = McpServerLaunch.Default(p => p == "docker" ? "/usr/bin/docker" : null);
        var planned = McpLaunchPlan.WithDns(docker, ["10.0.0.2", "10.0.0.3"], ["corp.example", "lab.example"]);
        planned.Arguments.Take(9).ShouldBe(["run", "--dns", "10.0.0.2", "--dns", "10.0.0.3", "--dns-search", "corp.example", "--dns-search", "lab.example"]);
        planned.Arguments[^1].ShouldBe(McpServerLaunch.DockerImage);
        McpLaunchPlan.WithDns(new McpServerLaunch { Command = "uvx", Arguments = ["mcp-atlassian"] }, ["10.0.0.2"], []).Arguments.ShouldBe(["mcp-atlassian"]);
    }
}
