using System.Security.Cryptography;
using System.Text;
using BacklogJira.BacklogMd.Writing;
using BacklogJira.Core.Fields;
using BacklogJira.Core.Ports;

namespace BacklogJira.Sync.Fields;

/// <summary>
/// The task's <c>references</c> ⇄ the issue's web links (remote links), as a set of URLs, each kept once (docs/sync.md,
/// "References"). Opt-in (<c>sync.fields.references</c>): reading an issue's links is one more request per issue read.
/// A reference that is not an http(s) URL (a file path, a task id) belongs to Backlog only, and a Jira link to anything
/// else belongs to Jira only: neither is compared, sent, or removed. Changes made on both sides are combined link by
/// link, so adding a link on each side is never a conflict.
/// </summary>
public sealed class ReferencesField : ItemSetField, ISyncField
{
    /// <summary>Our links' global id prefix: a retried write updates the link it made instead of adding a second.</summary>
    public const string GlobalIdPrefix = "backlog-jira:ref:";

    public override string Name => "references";

    public bool SyncedByDefault => false;

    public override bool OneSideOnly(string name) =>
        !(Uri.TryCreate(name, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps));

    public SideValue ReadTask(TaskReading reading) => SideValue.Of(SetOf(reading.Task.References));

    public SideValue ReadIssue(IssueReading reading) => reading.Issue.RemoteLinks is { } links
        ? SideValue.Of(SetOf(links.Select(l => l.Url).Where(u => !OneSideOnly(u))))
        : SideValue.Foreign("(not read)", $"the web links of {reading.Issue.Key} were not read; run 'backlog-jira sync --full'");

    /// <summary>The task keeps its references Jira cannot hold, in their place.</summary>
    public TaskEdit WriteTask(TaskEdit edit, object? value, TaskWriting writing)
    {
        var wanted = Cast(value);
        var current = edit.References ?? writing.Task.References;
        var kept = current.Where(r => OneSideOnly(r) || wanted.Contains(r.Trim())).Select(r => r.Trim()).ToList();
        return edit with { References = [.. kept.Distinct(StringComparer.Ordinal), .. wanted.Where(u => !kept.Contains(u, StringComparer.Ordinal))] };
    }

    /// <summary>Links are not fields of the edit: a step after it adds the missing links and deletes the ones the merge
    /// removed, against the issue's links read just then (a retry finds its own work done). Only a link this run saw
    /// is ever deleted: one added in Jira since the read stays, and comes to the task next run.</summary>
    public Task<JiraFieldWrite> WriteJiraAsync(JiraWriting writing, object? value, CancellationToken cancellationToken)
    {
        var wanted = Cast(value).Where(u => !OneSideOnly(u)).ToList();
        if (writing.Issue is not { } issue) return Task.FromResult(JiraFieldWrite.Skipped);
        return Task.FromResult(new JiraFieldWrite(AfterEdit: async token =>
        {
            var seen = (issue.RemoteLinks ?? []).Select(l => l.Url).ToHashSet(StringComparer.Ordinal);
            var links = await writing.Jira.GetRemoteLinksAsync(issue.Key, token);
            foreach (var gone in links.Where(l => l.Id is not null && seen.Contains(l.Url) && !OneSideOnly(l.Url) && !wanted.Contains(l.Url, StringComparer.Ordinal)))
            {
                await writing.Jira.DeleteRemoteLinkAsync(issue.Key, gone.Id!, token);
            }
            foreach (var url in wanted.Where(u => !links.Any(l => string.Equals(l.Url, u, StringComparison.Ordinal))))
            {
                await writing.Jira.UpsertRemoteLinkAsync(issue.Key, new JiraRemoteLink(GlobalId(url), url, url), token);
            }
            return true;
        }));
    }

    public Task<JiraIssueDraft> DraftAsync(JiraWriting writing, JiraIssueDraft draft, object? value, CancellationToken cancellationToken) =>
        Task.FromResult(draft);

    public bool WrittenAfterCreate => true;

    public NewTask ToNewTask(NewTask task, object? value, TaskWriting writing) => task with { References = [.. Cast(value)] };

    /// <summary>Stable for a URL, within Jira's 255 characters whatever the URL's length.</summary>
    public static string GlobalId(string url) =>
        GlobalIdPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url)))[..32];
}
