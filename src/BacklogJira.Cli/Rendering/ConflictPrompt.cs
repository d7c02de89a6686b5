using BacklogJira.Core.Merge;

namespace BacklogJira.Cli.Rendering;

/// <summary>The <c>prompt</c> strategy on a terminal: one question per conflicting field, both values shown.</summary>
internal static class ConflictPrompt
{
    public static Func<FieldConflict, ConflictChoice> For(CliContext context) => conflict =>
    {
        context.Out.WriteLine();
        context.Out.WriteLine($"Conflict on {conflict.Field.Name} of {conflict.Pair}:");
        context.Out.WriteLine($"  last agreed: {conflict.BaseText}");
        context.Out.WriteLine($"  [b] Backlog: {conflict.BacklogText}");
        context.Out.WriteLine($"  [j] Jira:    {conflict.JiraText}");
        while (true)
        {
            context.Out.Write("Keep [b]acklog, [j]ira, or [s]kip (leave unresolved)? ");
            var answer = context.In.ReadLine()?.Trim().ToLowerInvariant();
            switch (answer)
            {
                case "b" or "backlog": return ConflictChoice.Backlog;
                case "j" or "jira": return ConflictChoice.Jira;
                case null or "s" or "skip" or "": return ConflictChoice.LeaveUnresolved;
            }
        }
    };
}
