using System.Diagnostics;
using System.Text;
using BacklogJira.BacklogMd.Discovery;

namespace BacklogJira.Testing;

/// <summary>The real <c>backlog</c> CLI pinned in tools/backlog-cli; installs it with <c>npm install</c> on first use if needed.</summary>
public static class BacklogCli
{
    private static readonly Lazy<string> Executable = new(Install, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Path => Executable.Value;

    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public Result EnsureSuccess(string what) => ExitCode == 0 ? this
            : throw new InvalidOperationException($"backlog {what} failed with exit {ExitCode}: {Stderr}{Stdout}");
    }

    public static async Task<Result> RunAsync(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(Path, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.Environment.Remove("BACKLOG_CWD");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the backlog CLI.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    /// <summary><c>backlog init</c> in a new folder; <paramref name="extra"/> adds flags such as <c>--no-git</c>.</summary>
    public static async Task InitAsync(string directory, params string[] extra)
    {
        (await RunAsync(directory, ["init", "Interop", "--defaults", "--integration-mode", "none", .. extra])).EnsureSuccess("init");
    }

    private static string Install()
    {
        var pinned = BacklogCliLocator.PinnedCliDirectory(AppContext.BaseDirectory)
                     ?? throw new InvalidOperationException("tools/backlog-cli not found above the test binaries.");
        var executable = System.IO.Path.Combine(pinned, "node_modules", ".bin", "backlog");
        if (!File.Exists(executable))
        {
            using var npm = Process.Start(new ProcessStartInfo("npm", ["install", "--no-audit", "--no-fund", "--no-save"]) { WorkingDirectory = pinned })
                            ?? throw new InvalidOperationException("npm is needed to install the pinned backlog CLI.");
            npm.WaitForExit();
            if (npm.ExitCode != 0 || !File.Exists(executable))
            {
                throw new InvalidOperationException($"npm install in {pinned} failed; run it by hand to see why.");
            }
        }

        return executable;
    }
}
