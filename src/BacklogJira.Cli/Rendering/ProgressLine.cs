using BacklogJira.Sync.Engine;

namespace BacklogJira.Cli.Rendering;

/// <summary>
/// A one-line progress bar on stderr, redrawn in place, only on a terminal and only for runs long enough to need one
/// (stdout stays clean for the results; redirected output gets no control characters).
/// </summary>
internal sealed class ProgressLine(TextWriter error, int minimumTotal = 50) : IProgress<SyncProgress>, IDisposable
{
    private const int Width = 30;
    private readonly Lock _gate = new();
    private int _drawnPercent = -1;
    private bool _drawn;

    public static ProgressLine? For(CliContext context, bool json) => context.IsInteractive && !json ? new ProgressLine(context.Error) : null;

    public void Report(SyncProgress value)
    {
        if (value.Total < minimumTotal) return;
        var percent = value.Done * 100 / value.Total;
        lock (_gate)
        {
            if (percent == _drawnPercent) return;
            _drawnPercent = percent;
            var filled = percent * Width / 100;
            error.Write($"\r  [{new string('#', filled)}{new string('.', Width - filled)}] {value.Done}/{value.Total} tasks ");
            _drawn = true;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_drawn) error.Write("\r" + new string(' ', Width + 30) + "\r");
        }
    }
}
