using BacklogJira.Testing;

namespace BacklogJira.Interop.Tests;

internal static class ParallelRunner
{
    /// <summary>Runs CLI command lines with bounded parallelism; the CLI's own locks keep ids unique.</summary>
    public static async Task<IReadOnlyList<BacklogCli.Result>> RunAllAsync(string directory, IEnumerable<string[]> commands, int parallelism)
    {
        var list = commands.ToList();
        var results = new BacklogCli.Result[list.Count];
        await Parallel.ForAsync(0, list.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (i, _) =>
        {
            results[i] = await BacklogCli.RunAsync(directory, list[i]);
        });
        return results;
    }
}
