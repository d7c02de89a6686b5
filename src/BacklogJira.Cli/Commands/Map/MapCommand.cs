using System.CommandLine;

namespace BacklogJira.Cli.Commands.Map;

/// <summary><c>map link|list|remove|auto</c>: which task goes with which issue.</summary>
internal static class MapCommand
{
    public static Command Create(CliContext context) => new("map", "Pair Backlog tasks with Jira issues")
    {
        MapLinkCommand.Create(context),
        MapListCommand.Create(context),
        MapRemoveCommand.Create(context),
        MapAutoCommand.Create(context),
        MapInteractiveCommand.Create(context),
        MapRepairCommand.Create(context),
    };
}
