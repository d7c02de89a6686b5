using System.ComponentModel;
using System.Diagnostics;

namespace BacklogJira.Cli.Commands.Doctor;

/// <summary>Runs a short command for a check (<c>backlog --version</c>, <c>git status</c>) with a time limit; null when
/// it cannot be started at all.</summary>
internal static class ProcessProbe
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static async Task<Result?> RunAsync(string file, IReadOnlyList<string> arguments, string workingDirectory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception();
        }
        catch (Win32Exception)
        {
            return null;
        }
        using (process)
        {
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(timeout);
            try
            {
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                return new Result(-1, "", $"no answer within {timeout.TotalSeconds:0} s");
            }
            return new Result(process.ExitCode, (await stdout).Trim(), (await stderr).Trim());
        }
    }
}
