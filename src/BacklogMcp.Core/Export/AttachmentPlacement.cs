using System.Globalization;
using BacklogMcp.Core.Api;

namespace BacklogMcp.Core.Export;

/// <summary>Where an attachment belongs: the description, a comment, or only the issue.</summary>
public sealed record Placement(string Target, string Confidence, string Reason, int? CommentId);

/// <summary>
/// Places attachments as the reference does (docs/reference/nulab-backlog.md §1.7) with its false positives removed: a comment
/// whose change log records the attachment is exact; a description or comment naming the file is exact (the file name
/// only: the reference also matched the bare numeric id, so attachment 10 matched "10 seconds"); the same uploader
/// within the window is inferred; anything else is unmatched. Pure.
/// </summary>
public static class AttachmentPlacement
{
    public const string UnmatchedReason = "Backlog API does not expose commentId for this attachment and no reliable text/time match was found.";

    public static Placement Place(NulabAttachment attachment, string? description, IReadOnlyList<NulabComment> commentsAscending, int windowMinutes)
    {
        var recorded = commentsAscending.FirstOrDefault(c => (c.ChangeLog ?? []).Any(ch => ch.Field == "attachment" && (ch.AttachmentInfo?.Id == attachment.Id)));
        if (recorded is not null) return new Placement("comment", "exact", "Comment change log records this attachment.", recorded.Id);

        var name = Normalise(attachment.Name);
        if (name.Length > 0 && Normalise(description).Contains(name, StringComparison.Ordinal))
            return new Placement("description", "exact", "Issue description contains attachment filename or id.", null);
        var naming = commentsAscending.FirstOrDefault(c => name.Length > 0 && Normalise(c.Content).Contains(name, StringComparison.Ordinal));
        if (naming is not null) return new Placement("comment", "exact", "Comment content contains attachment filename or id.", naming.Id);

        if (windowMinutes > 0 && attachment.CreatedUser?.Name is { } uploader && Time(attachment.Created) is { } uploaded)
        {
            var nearest = commentsAscending
                .Where(c => c.CreatedUser?.Name == uploader && Time(c.Created) is not null)
                .Select(c => (Comment: c, Distance: (Time(c.Created)!.Value - uploaded).Duration()))
                .Where(x => x.Distance <= TimeSpan.FromMinutes(windowMinutes))
                .OrderBy(x => x.Distance)
                .FirstOrDefault();
            if (nearest.Comment is not null)
                return new Placement("comment", "inferred", $"Same uploader and timestamp within {windowMinutes} minute(s).", nearest.Comment.Id);
        }
        return new Placement("issue", "unmatched", UnmatchedReason, null);
    }

    private static string Normalise(string? text) =>
        string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    private static DateTimeOffset? Time(string? iso) =>
        DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value : null;
}
