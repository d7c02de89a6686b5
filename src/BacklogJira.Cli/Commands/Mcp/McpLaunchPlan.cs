using BacklogJira.Jira.Mcp;

namespace BacklogJira.Cli.Commands.Mcp;

/// <summary>Adds <c>mcp start</c>'s DNS options to a Docker launch: one <c>--dns</c> per server and one
/// <c>--dns-search</c> per domain (the original joined every domain into one flag), placed before the image. Other
/// commands have no such setting; the caller says so.</summary>
internal static class McpLaunchPlan
{
    public static bool IsDocker(McpServerLaunch launch) =>
        Path.GetFileNameWithoutExtension(launch.Command).Equals("docker", StringComparison.OrdinalIgnoreCase) && launch.Arguments.Count > 0 && launch.Arguments[0] == "run";

    public static McpServerLaunch WithDns(McpServerLaunch launch, IReadOnlyList<string> servers, IReadOnlyList<string> searchDomains)
    {
        if ((servers.Count == 0 && searchDomains.Count == 0) || !IsDocker(launch)) return launch;
        var dns = servers.SelectMany(s => new[] { "--dns", s }).Concat(searchDomains.SelectMany(d => new[] { "--dns-search", d }));
        return launch with { Arguments = [launch.Arguments[0], .. dns, .. launch.Arguments.Skip(1)] };
    }
}
