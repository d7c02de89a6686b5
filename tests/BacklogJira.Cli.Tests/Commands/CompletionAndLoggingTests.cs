using System.Diagnostics;
using BacklogJira.Cli.Logging;

namespace BacklogJira.Cli.Tests.Commands;

public class CompletionAndLoggingTests
{
    [Theory]
    [InlineData("bash", "complete -o default -F _backlog_jira_complete backlog-jira")]
    [InlineData("zsh", "compdef _backlog_jira_complete backlog-jira")]
    [InlineData("fish", "complete -c backlog-jira")]
    [InlineData("powershell", "Register-ArgumentCompleter -Native -CommandName backlog-jira")]
    public async Task Each_shell_gets_a_script_that_asks_the_suggest_directive(string shell, string hook)
    {
        await using var cli = await CliRun.StartAsync();
        var result = await cli.RunAsync("completion", shell);
        result.ExitCode.ShouldBe(0);
        result.Stdout.ShouldContain(hook);
        result.Stdout.ShouldContain("[suggest:");
    }

    [Fact]
    public async Task The_suggest_directive_answers_from_the_real_command_tree()
    {
        await using var cli = await CliRun.StartAsync();
        (await cli.RunAsync("[suggest:2]", "sy")).Stdout.Split('\n', StringSplitOptions.TrimEntries).ShouldContain("sync");
        var options = (await cli.RunAsync("[suggest:12]", "sync --strat")).Stdout;
        options.ShouldContain("--strategy");
        var values = (await cli.RunAsync("[suggest:17]", "sync --strategy p")).Stdout;
        values.ShouldContain("prefer-jira");
        values.ShouldContain("prefer-backlog");
    }

    [Fact]
    public async Task Bash_completes_a_subcommand_through_the_script()
    {
        await using var cli = await CliRun.StartAsync();
        var script = Path.Combine(cli.Root, "completion.bash");
        await File.WriteAllTextAsync(script, (await cli.RunAsync("completion", "bash")).Stdout);
        var bin = Path.Combine(cli.Root, "bin");
        Directory.CreateDirectory(bin);
        await File.WriteAllTextAsync(Path.Combine(bin, "backlog-jira"), $"#!/bin/sh\nexec {CliProcess.ShellCommand} \"$@\"\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(Path.Combine(bin, "backlog-jira"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = cli.Root };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"export PATH=\"{bin}:$PATH\"; source '{script}'; COMP_LINE='backlog-jira map-assig'; COMP_POINT=${{#COMP_LINE}}; _backlog_jira_complete; printf '%s\\n' \"${{COMPREPLY[@]}}\"");
        using var bash = Process.Start(start)!;
        var output = await bash.StandardOutput.ReadToEndAsync();
        await bash.WaitForExitAsync();
        output.Split('\n', StringSplitOptions.TrimEntries).ShouldContain("map-assignees", await bash.StandardError.ReadToEndAsync());
    }

    [Fact]
    public async Task Verbose_logs_requests_to_stderr_only_and_never_a_secret()
    {
        await using var cli = await CliRun.StartAsync();
        await cli.RunAsync("init", "--project-key", "DEMO");
        (await cli.BacklogAsync("task", "create", "One")).EnsureSuccess("create");
        var result = await cli.RunAsync("create-issue", "1", "--json", "--verbose");
        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Stderr.ShouldContain("debug backlog-jira: POST");
        result.Stderr.ShouldNotContain(cli.Jira.Sandbox.Options.Token);
        result.Stdout.TrimStart().ShouldStartWith("{");
        result.Stdout.ShouldNotContain("debug ");

        var env = (System.Collections.Hashtable)cli.Environment;
        env["LOG_LEVEL"] = "debug";
        cli.EnvironmentOverride = env;
        (await cli.RunAsync("status")).Stderr.ShouldContain("debug backlog-jira:");
        env["LOG_LEVEL"] = "error";
        (await cli.RunAsync("status")).Stderr.ShouldNotContain("debug");
    }

    [Fact]
    public void The_redactor_blanks_registered_secrets_and_credential_fragments()
    {
        var redactor = new SecretRedactor();
        redactor.Add("s3cr3t-token");
        redactor.Redact("token s3cr3t-token in https://x.example/api?apiKey=abc123&x=1 Authorization: Basic dXNlcjpwYXNz")
            .ShouldBe("token *** in https://x.example/api?apiKey=***&x=1 Authorization: Basic ***");
    }
}
