using System.ComponentModel;
using System.Diagnostics;

namespace BacklogJira.Cli.Commands.Ui;

/// <summary>Opens an address in the user's browser (xdg-open, open, or the shell on Windows). The browser gets the
/// address and nothing else of ours: the Jira and Backlog variables are removed from its environment.</summary>
internal static class BrowserLauncher
{
    public static bool TryOpen(Uri address)
    {
        var start = OperatingSystem.IsWindows() ? new ProcessStartInfo(address.ToString()) { UseShellExecute = true }
            : new ProcessStartInfo(OperatingSystem.IsMacOS() ? "open" : "xdg-open", address.ToString());
        if (!start.UseShellExecute)
        {
            start.RedirectStandardOutput = true;
            start.RedirectStandardError = true;
            foreach (var name in start.Environment.Keys.Where(IsSecretBearing).ToList()) start.Environment.Remove(name);
        }
        try
        {
            using var process = Process.Start(start);
            return process is not null;
        }
        catch (Win32Exception)
        {
            return false;
        }
    }

    private static bool IsSecretBearing(string name) =>
        name.StartsWith("JIRA_", StringComparison.OrdinalIgnoreCase) || name.StartsWith("BACKLOG_", StringComparison.OrdinalIgnoreCase)
        || name.Contains("TOKEN", StringComparison.OrdinalIgnoreCase) || name.Contains("SECRET", StringComparison.OrdinalIgnoreCase)
        || name.Contains("PASSWORD", StringComparison.OrdinalIgnoreCase) || name.Contains("API_KEY", StringComparison.OrdinalIgnoreCase);
}
