using System.Text.RegularExpressions;
using BacklogJira.Testing;

namespace BacklogJira.Interop.Tests;

/// <summary>
/// 300 tasks made by the real CLI (264 top-level, 36 subtasks, then comment/notes/status/label/check edits), split over
/// four projects so that four CLI processes can work at once without queueing on one project's create lock.
/// </summary>
public sealed partial class CorpusFixture : IAsyncLifetime, IDisposable
{
    public const int Shards = 4;
    public const int TopLevelPerShard = 66;
    public const int SubtasksPerShard = 9;
    public const int Total = Shards * (TopLevelPerShard + SubtasksPerShard);
    private readonly TempDirectory _directory = new("bj-corpus");

    public IReadOnlyList<string> Roots { get; } = Enumerable.Range(0, Shards).Select(i => $"shard-{i}").ToList();

    public string RootOf(string shard) => _directory.Combine(shard);

    public async Task InitializeAsync() =>
        await Task.WhenAll(Enumerable.Range(0, Shards).Select(BuildShardAsync));

    public void Dispose() => _directory.Dispose();

    public Task DisposeAsync()
    {
        _directory.Dispose();
        return Task.CompletedTask;
    }

    private async Task BuildShardAsync(int shard)
    {
        var root = RootOf(Roots[shard]);
        Directory.CreateDirectory(root);
        await BacklogCli.InitAsync(root, "--no-git");
        var created = new List<(string[] Command, string Id)>();
        foreach (var command in CorpusGenerator.TopLevelCreates(shard * TopLevelPerShard, TopLevelPerShard)
                     .Concat(CorpusGenerator.SubtaskCreates(shard * SubtasksPerShard, SubtasksPerShard)))
        {
            var result = (await BacklogCli.RunAsync(root, command)).EnsureSuccess(string.Join(' ', command));
            created.Add((command, CreatedId().Match(result.Stdout).Groups[1].Value));
        }

        foreach (var edit in CorpusGenerator.Edits(created))
        {
            (await BacklogCli.RunAsync(root, edit)).EnsureSuccess(string.Join(' ', edit));
        }
    }

    [GeneratedRegex(@"Created task (\S+)")]
    private static partial Regex CreatedId();
}
