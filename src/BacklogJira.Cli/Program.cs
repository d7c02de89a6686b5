using BacklogJira.Cli;

var cancel = new CancellationTokenSource();
// The first Ctrl-C lets the write under way finish; a second one ends the process. A Ctrl-C that lands while the run
// is returning finds the source disposed: it must not crash the exit (an unhandled exception there ends with 134).
ConsoleCancelEventHandler onCancel = (_, e) =>
{
    try
    {
        if (cancel.IsCancellationRequested) return;
        e.Cancel = true;
        cancel.Cancel();
    }
    catch (ObjectDisposedException)
    {
        e.Cancel = true;
    }
};
Console.CancelKeyPress += onCancel;
try
{
    return await CliApp.RunAsync(args, CliContext.FromConsole(), cancel.Token);
}
finally
{
    Console.CancelKeyPress -= onCancel;
    cancel.Dispose();
}
