using BacklogJira.Core.Mapping;
using BacklogJira.Sync.State;
using BacklogJira.Testing;

namespace BacklogJira.Sync.Tests.State;

public class CanonicalTextMemoTests
{
    private static readonly string[] Samples = ["* a\n* b", "Two  spaces\r\nand CRLF  ", "", "# Title\n\n```\ncode\n```", "日本語 **bold**"];

    [Fact]
    public async Task The_memo_gives_what_the_converter_gives_before_and_after_a_reload_and_prunes_what_a_full_run_did_not_use()
    {
        using var dir = new TempDirectory("bj-memo");
        var paths = new StatePaths(dir.Path);
        var memo = CanonicalTextMemo.Load(paths);
        foreach (var sample in Samples) memo.Markdown(sample).ShouldBe(CanonicalText.Markdown(sample));
        await memo.SaveAsync(prune: false, CancellationToken.None);

        var reloaded = CanonicalTextMemo.Load(paths);
        foreach (var sample in Samples) reloaded.Markdown(sample).ShouldBe(CanonicalText.Markdown(sample));
        await CanonicalTextMemo.Load(paths).SaveAsync(prune: true, CancellationToken.None);
        File.ReadAllText(paths.CanonicalTextMemo).ShouldNotContain("bold");
    }

    [Fact]
    public void A_memo_from_another_build_of_the_converter_is_not_used()
    {
        using var dir = new TempDirectory("bj-memo");
        var paths = new StatePaths(dir.Path);
        Directory.CreateDirectory(Path.GetDirectoryName(paths.CanonicalTextMemo)!);
        var key = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("plain"u8));
        File.WriteAllText(paths.CanonicalTextMemo, $"{{\"converter\":\"old\",\"entries\":{{\"{key}\":\"poisoned\"}}}}");
        CanonicalTextMemo.Load(paths).Markdown("plain").ShouldBe("plain");
    }
}
