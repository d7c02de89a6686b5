using System.Diagnostics;

namespace BacklogJira.BacklogMd.Discovery;

/// <summary>Runs one git command and returns its stdout, or null when git is missing or the command fails.</summary>
internal static class GitCommand
{
    public static string? Run(string workingDirectory, params string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo("git", arguments)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var git = Process.Start(start);
            if (git is null)
            {
                return null;
            }

            var stderr = git.StandardError.ReadToEndAsync();
            var output = git.StandardOutput.ReadToEnd();
            _ = stderr.GetAwaiter().GetResult();
            git.WaitForExit();
            return git.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
