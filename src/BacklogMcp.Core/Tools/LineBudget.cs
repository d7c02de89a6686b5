namespace BacklogMcp.Core.Tools;

/// <summary>Fits a one-page answer (a wiki page, a document) to BACKLOG_MAX_TOKENS: the whole text when it fits, else
/// the longest run of whole lines that does, found by halving; <c>render(text, cut)</c> builds the answer.</summary>
internal static class LineBudget
{
    public static ToolOutput Fit(string text, ToolContext context, Func<string, bool, ToolOutput> render)
    {
        var whole = render(text, false);
        if (context.Budget.Fits(whole.Text, whole.Structured)) return whole;
        var lines = text.Split('\n');
        var (fits, over) = (0, lines.Length);
        while (over - fits > 1)
        {
            var middle = (fits + over) / 2;
            var trial = render(string.Join('\n', lines[..middle]), true);
            if (context.Budget.Fits(trial.Text, trial.Structured)) fits = middle;
            else over = middle;
        }
        return render(string.Join('\n', lines[..fits]), true);
    }
}
