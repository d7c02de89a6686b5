using System.Diagnostics;

namespace BacklogJira.Testing;

/// <summary>Node scripts of the pinned npm tools under <c>tools/</c> (third-party clients used as contract checks):
/// finds the folder above the test binaries, installs its packages on first use (.ci/run installs them up front), and
/// runs a script with the environment it needs.</summary>
public static class NodeTools
{
    public static string Folder(string name)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tools", name);
            if (File.Exists(Path.Combine(candidate, "package.json"))) return candidate;
        }
        throw new InvalidOperationException($"tools/{name} not found above the test binaries.");
    }

    /// <summary>Installs the folder's pinned packages unless <paramref name="marker"/> (a package folder) is there.</summary>
    public static async Task EnsureInstalledAsync(string folder, string marker)
    {
        if (Directory.Exists(Path.Combine(folder, "node_modules", marker))) return;
        var (code, output) = await RunAsync(folder, "npm", ["install", "--no-audit", "--no-fund", "--no-save", "--loglevel=error"], new Dictionary<string, string>());
        if (code != 0) throw new InvalidOperationException($"npm install in {folder} failed: {output}");
    }

    /// <summary>Runs <paramref name="command"/> in <paramref name="folder"/> with <paramref name="environment"/> added;
    /// stdout and stderr together, five minutes at most.</summary>
    public static async Task<(int Code, string Output)> RunAsync(string folder, string command, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(command, arguments) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{command} {string.Join(' ', arguments)} ran over five minutes: {await stdout}{await stderr}");
        }
        return (process.ExitCode, await stdout + await stderr);
    }
}
