using BacklogMcp.Core.Api;
using BacklogMcp.Core.Export;

namespace BacklogMcp.Core.Tests;

public sealed class PlacementAndMarkdownTests
{
    private static readonly NulabUser Alice = new(1, "alice", "Alice", 2, null, null);
    private static readonly NulabUser Bob = new(2, "bob", "Bob", 2, null, null);

    private static NulabAttachment File(int id, string name, NulabUser by, string created) => new(id, name, 10, by, created);

    private static NulabComment Comment(int id, string? content, NulabUser by, string created, params NulabChange[] changes) => new(id, content, changes, by, created, created);

    [Fact]
    public void A_change_log_row_naming_the_attachment_is_exact_even_when_text_names_nothing()
    {
        var comments = new[] { Comment(100, "first", Bob, "2026-01-01T10:00:00Z"), Comment(101, null, Bob, "2026-01-02T10:00:00Z", new NulabChange("attachment", null, "x.bin", new NulabAttachmentRef(10, "file"))) };
        var placement = AttachmentPlacement.Place(File(10, "x.bin", Alice, "2026-01-05T00:00:00Z"), "no mention", comments, 10);
        placement.ShouldBe(new Placement("comment", "exact", "Comment change log records this attachment.", 101));
    }

    [Fact]
    public void A_bare_numeric_id_in_text_is_not_a_match_but_the_file_name_is()
    {
        var comments = new[] { Comment(100, "It took 10 seconds", Bob, "2026-01-01T10:00:00Z") };
        AttachmentPlacement.Place(File(10, "trace.log", Alice, "2026-01-01T12:00:00Z"), "Wait 10 minutes", comments, 10).Confidence.ShouldBe("unmatched");
        AttachmentPlacement.Place(File(10, "trace.log", Alice, "2026-01-01T12:00:00Z"), "See  TRACE.LOG please", comments, 10).Target.ShouldBe("description");
    }

    [Fact]
    public void Same_uploader_nearest_comment_within_the_window_is_inferred_and_zero_turns_it_off()
    {
        var comments = new[]
        {
            Comment(100, "a", Alice, "2026-01-01T10:00:00Z"),
            Comment(101, "b", Alice, "2026-01-01T10:07:00Z"),
            Comment(102, "c", Bob, "2026-01-01T10:05:00Z"),
        };
        var file = File(10, "pic.png", Alice, "2026-01-01T10:05:30Z");
        AttachmentPlacement.Place(file, null, comments, 10).ShouldBe(new Placement("comment", "inferred", "Same uploader and timestamp within 10 minute(s).", 101));
        AttachmentPlacement.Place(file, null, comments, 1).Confidence.ShouldBe("unmatched");
        AttachmentPlacement.Place(file, null, comments, 0).Reason.ShouldBe(AttachmentPlacement.UnmatchedReason);
    }

    [Theory]
    [InlineData("plain", "```")]
    [InlineData("has ``` inside", "````")]
    [InlineData("has ````` five", "``````")]
    public void Extracted_text_gets_a_fence_longer_than_any_backtick_run(string content, string fence) => RawMarkdown.Fence(content).ShouldBe(fence);

    [Fact]
    public void Raw_markdown_lists_every_attachment_and_keeps_those_placed_on_hidden_comments()
    {
        var issue = new NulabIssue(1, 1, "P-1", null, "Title", "Body", null, null, null, null, null, null, null, null, null, null, null, null, Alice, "2026-01-01T00:00:00Z", Alice, "2026-01-01T00:00:00Z", null);
        var hidden = Comment(100, "  ", Alice, "2026-01-01T10:00:00Z", new NulabChange("status", "Open", "Closed", null));
        var placed = new ExportedAttachment(File(10, "a.txt", Alice, "2026-01-01T10:00:00Z"), new Placement("comment", "inferred", "r", 100), "/x/attachments/10_a.txt", "attachments/10_a.txt", null, "text with ``` fence");
        var unmatched = new ExportedAttachment(File(11, "b.bin", Bob, "2026-01-01T10:00:00Z"), new Placement("issue", "unmatched", "u", null), null, null, "download failed: 404", null);
        var raw = RawMarkdown.Render(issue, "https://s/view/P-1", [hidden], [placed, unmatched], skipChangelogOnly: true);
        raw.ShouldContain("| 10 | a.txt |");
        raw.ShouldContain("| 11 | b.bin |");
        raw.ShouldContain("not downloaded: download failed: 404");
        raw.ShouldContain("_No comments exported._");
        raw.ShouldContain("````txt\ntext with ``` fence\n````");
        raw.ShouldStartWith("# [P-1] Title\n\n**URL:** https://s/view/P-1\n**Type:** Unknown\n**Status:** Unknown\n**Resolution:** —\n");
    }
}
