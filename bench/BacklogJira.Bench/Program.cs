using BacklogJira.Bench;

// One scenario per file; each prints its figures as ratios against a baseline measured in the same run.
// Usage: dotnet run -c Release --project bench/BacklogJira.Bench -- <store-load [N] | jira-fetch [N] [latencyMs] | sync [N] [latencyMs] [changedShare] | mcp-sync [N] [latencyMs] [changedShare] | serve [N] [latencyMs] [edits] [burst]>
var scenario = args.Length > 0 ? args[0] : "store-load";
var rest = args.Skip(1).ToArray();
switch (scenario)
{
    case "store-load":
        await StoreLoadScenario.RunAsync(rest);
        break;
    case "sync":
        await SyncScenario.RunAsync(rest);
        break;
    case "mcp-sync":
        await McpSyncScenario.RunAsync(rest);
        break;
    case "serve":
        await ServeScenario.RunAsync(rest);
        break;
    case "jira-fetch":
        await JiraFetchScenario.RunAsync(rest);
        break;
    default:
        Console.Error.WriteLine($"Unknown scenario '{scenario}'. Use store-load, jira-fetch, sync, mcp-sync or serve.");
        return 2;
}
return 0;
