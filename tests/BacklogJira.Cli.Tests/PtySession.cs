using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace BacklogJira.Cli.Tests;

/// <summary>The real <c>backlog-jira</c> on a pseudo-terminal (util-linux <c>script</c>), so interactive prompts can be
/// answered key by key as a person would.</summary>
internal sealed partial class PtySession : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _gate = new();
    private readonly Task _pump;
    private int _consumed;

    private PtySession(Process process)
    {
        _process = process;
        _pump = PumpAsync();
    }

    public static PtySession Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] cliArgs)
    {
        var commandLine = CliProcess.ShellLine(cliArgs);
        var start = new ProcessStartInfo("script") { WorkingDirectory = workingDirectory, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-qfec", commandLine, "/dev/null" }) start.ArgumentList.Add(arg);
        start.Environment.Clear();
        foreach (var (name, value) in environment) start.Environment[name] = value;
        start.Environment["TERM"] = "xterm-256color";
        start.Environment["COLUMNS"] = "120";
        start.Environment["LINES"] = "40";
        return new PtySession(Process.Start(start)!);
    }

    private async Task PumpAsync()
    {
        var buffer = new char[4096];
        int read;
        while ((read = await _process.StandardOutput.ReadAsync(buffer)) > 0)
            lock (_gate) _output.Append(buffer, 0, read);
    }

    /// <summary>The screen text so far, without ANSI escapes.</summary>
    public string Text
    {
        get
        {
            lock (_gate) return Ansi().Replace(_output.ToString(), "");
        }
    }

    /// <summary>Waits until <paramref name="text"/> appears after what earlier waits consumed.</summary>
    public async Task WaitForAsync(string text, int seconds = 60)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(seconds))
        {
            var screen = Text;
            var at = screen.IndexOf(text, Math.Min(_consumed, screen.Length), StringComparison.Ordinal);
            if (at >= 0)
            {
                _consumed = at + text.Length;
                await Task.Delay(150);
                return;
            }
            if (_process.HasExited)
            {
                // The process can exit before its last output is read (the flake: "Configured DEMO" printed, the wait
                // gave up): read to the end once, then look a last time.
                if (!_pump.IsCompleted)
                {
                    await _pump.WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { }, TaskScheduler.Default);
                    continue;
                }
                break;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"'{text}' did not appear. Screen:\n{Text}");
    }

    public async Task SendAsync(string keys)
    {
        await _process.StandardInput.WriteAsync(keys);
        await _process.StandardInput.FlushAsync();
        await Task.Delay(100);
    }

    public async Task<int> ExitCodeAsync()
    {
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    [GeneratedRegex(@"\x1B(?:\[[0-?]*[ -/]*[@-~]|\][^\x07]*\x07|[()][0-9A-Za-z]|[=>])")]
    private static partial Regex Ansi();
}
