using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Sandbox.Jira.Http;
using Sandbox.Jira.Jql;
using Sandbox.Jira.Model;
using Sandbox.Jira.State;

namespace Sandbox.Jira.Webhooks;

/// <summary>
/// Delivers admin webhooks as Jira does (docs/jira-sandbox.md, "Webhooks"): after a write, one POST per event and
/// matching webhook, in order, with the issue as GET renders it; <c>X-Atlassian-Webhook-Identifier</c> unique per
/// delivery and unchanged across its retries; <c>X-Hub-Signature: sha256=&lt;hex&gt;</c> (HMAC-SHA256 of the body) when
/// the webhook has a secret. A delivery answered with anything but 2xx, or not at all, is retried up to 4 more times.
/// </summary>
public sealed class WebhookDispatcher : IAsyncDisposable
{
    private const int Attempts = 5;
    private readonly Channel<Delivery> _queue = Channel.CreateUnbounded<Delivery>(new UnboundedChannelOptions { SingleReader = true });
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly Task _sender;
    private long _delivered;
    private long _failed;
    private long _attempts;
    private long _dropped;
    private long _duplicated;
    private long _reordered;
    private WebhookFaults _faults = new();
    private Random _chance = new(1);

    internal WebhookDispatcher() => _sender = SendAllAsync();

    /// <summary>Where links in payloads point (the sandbox's own address), set once it listens.</summary>
    internal string BaseUrl { get; set; } = "";

    /// <summary>Pause between attempts of one delivery (tests shorten it).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Faults applied to deliveries from now on (a new seed starts a new sequence).</summary>
    public WebhookFaults Faults
    {
        get => _faults;
        set
        {
            _chance = new Random(value.Seed);
            _faults = value;
        }
    }

    public long Dropped => Interlocked.Read(ref _dropped);
    public long Duplicated => Interlocked.Read(ref _duplicated);
    public long Reordered => Interlocked.Read(ref _reordered);

    public long Delivered => Interlocked.Read(ref _delivered);
    public long Failed => Interlocked.Read(ref _failed);
    public long AttemptsMade => Interlocked.Read(ref _attempts);

    internal sealed record Delivery(string Url, string? Secret, string Identifier, string Body);

    /// <summary>Marks to compare after the write, or null when no webhook listens (the usual case costs nothing).</summary>
    internal static ChangeMarks? Before(SandboxData data) => data.Webhooks.Any(w => w.Enabled) ? ChangeMarks.Of(data) : null;

    /// <summary>Queues the deliveries for what the write changed. Runs under the state's write lock, so payloads show the
    /// issue exactly as that write left it.</summary>
    internal void After(ChangeMarks before, SandboxData data, SandboxState state)
    {
        var events = before.ChangesTo(ChangeMarks.Of(data)).ToList();
        if (events.Count == 0) return;
        var api = new ApiContext(state.Mode == SandboxMode.Cloud ? 3 : 2, BaseUrl, state);
        var evaluator = new JqlEvaluator(data, data.Users[0], state.TimeZone, state.Now(), state.Mode == SandboxMode.Cloud);
        foreach (var change in events)
        {
            var issue = SandboxState.TryFindIssue(data, change.IssueId);
            var listeners = data.Webhooks.Where(w => w.Enabled && (w.Events.Count == 0 || w.Events.Contains(change.Name)) && InScope(w, issue, evaluator)).ToList();
            if (listeners.Count == 0) continue;
            var body = Payload(change, issue, data, api, state).ToJsonString();
            foreach (var webhook in listeners)
                _queue.Writer.TryWrite(new Delivery(webhook.Url, webhook.Secret, Guid.NewGuid().ToString(), webhook.ExcludeBody ? "" : body));
        }
    }

    /// <summary>A deleted issue cannot be matched any more; Jira matched it before deleting, and so does every filter here
    /// that was written for its project, so it is sent.</summary>
    private static bool InScope(SandboxWebhook webhook, SandboxIssue? issue, JqlEvaluator evaluator)
    {
        if (string.IsNullOrWhiteSpace(webhook.Jql) || issue is null) return true;
        try
        {
            return evaluator.Filter(JqlParser.Parse(webhook.Jql).Where)(issue);
        }
        catch (JqlException)
        {
            return false;
        }
    }

    private static JsonObject Payload(SandboxEvent change, SandboxIssue? issue, SandboxData data, ApiContext api, SandboxState state)
    {
        var payload = new JsonObject
        {
            ["timestamp"] = state.Now().ToUnixTimeMilliseconds(),
            ["webhookEvent"] = change.Name,
        };
        if (change.IssueEventType is { } type) payload["issue_event_type_name"] = type;
        if (SandboxState.Actor.Value is { } actor) payload["user"] = JiraJson.User(actor, api);
        if (change.Link is { } link)
        {
            var linkType = IssueLinkType.Find(link.TypeId);
            payload["issueLink"] = new JsonObject
            {
                ["id"] = long.Parse(link.Id, CultureInfo.InvariantCulture),
                ["sourceIssueId"] = long.Parse(link.InwardIssueId, CultureInfo.InvariantCulture),
                ["destinationIssueId"] = long.Parse(link.OutwardIssueId, CultureInfo.InvariantCulture),
                ["issueLinkType"] = linkType is null ? null : new JsonObject
                {
                    ["id"] = long.Parse(linkType.Id, CultureInfo.InvariantCulture), ["name"] = linkType.Name,
                    ["outwardName"] = linkType.Outward, ["inwardName"] = linkType.Inward, ["isSubTaskLinkType"] = false, ["isSystemLinkType"] = false,
                },
                ["systemLink"] = false,
            };
            return payload;
        }

        payload["issue"] = issue is null
            ? new JsonObject { ["id"] = change.IssueId, ["key"] = change.IssueKey, ["self"] = $"{api.BaseUrl.TrimEnd('/')}/rest/api/{api.Version}/issue/{change.IssueId}" }
            : IssueJson.Render(issue, data, api, IssueJson.SelectFields(null, true, FieldCatalog.CustomFieldIds), []);
        if (change.NewHistories > 0 && issue is not null)
        {
            // The changelog of this change: its history entries' items, as Jira sends them with jira:issue_updated.
            var histories = issue.Histories.Skip(issue.Histories.Count - change.NewHistories).ToList();
            payload["changelog"] = new JsonObject
            {
                ["id"] = histories[^1].Id,
                ["items"] = new JsonArray([.. histories.SelectMany(h => JiraJson.History(h, data, api)["items"]!.AsArray()).Select(i => i!.DeepClone())]),
            };
        }
        if (change.CommentId is { } commentId)
        {
            var comment = issue?.Comments.FirstOrDefault(c => c.Id == commentId);
            payload["comment"] = new JsonObject
            {
                ["id"] = commentId,
                ["self"] = $"{api.BaseUrl.TrimEnd('/')}/rest/api/{api.Version}/issue/{change.IssueId}/comment/{commentId}",
                ["body"] = comment?.Body?.DeepClone(),
                ["created"] = comment is null ? null : JiraTime.Format(comment.Created, state.TimeZone),
                ["updated"] = comment is null ? null : JiraTime.Format(comment.Updated, state.TimeZone),
            };
        }
        return payload;
    }

    private async Task SendAllAsync()
    {
        await foreach (var delivery in _queue.Reader.ReadAllAsync())
        {
            var faults = _faults;
            if (faults.ReorderFraction > 0 && _chance.NextDouble() < faults.ReorderFraction && await NextWithinAsync(TimeSpan.FromSeconds(1)) is { } behind)
            {
                Interlocked.Increment(ref _reordered);
                await DeliverAsync(behind, faults);
            }
            await DeliverAsync(delivery, faults);
        }
    }

    /// <summary>Holds a delivery back until the one behind it is there (or a second passed), to send that one first.</summary>
    private async Task<Delivery?> NextWithinAsync(TimeSpan wait)
    {
        using var limit = new CancellationTokenSource(wait);
        try
        {
            if (await _queue.Reader.WaitToReadAsync(limit.Token) && _queue.Reader.TryRead(out var next)) return next;
        }
        catch (OperationCanceledException)
        {
            // Nothing came behind it: it goes out in its place.
        }
        return null;
    }

    private async Task DeliverAsync(Delivery delivery, WebhookFaults faults)
    {
        if (faults.DropFraction > 0 && _chance.NextDouble() < faults.DropFraction)
        {
            Interlocked.Increment(ref _dropped);
            return;
        }
        if (faults.Delay > TimeSpan.Zero) await Task.Delay(faults.Delay);
        var copies = faults.DuplicateFraction > 0 && _chance.NextDouble() < faults.DuplicateFraction ? 2 : 1;
        if (copies == 2) Interlocked.Increment(ref _duplicated);
        for (var copy = 0; copy < copies; copy++)
        {
            var sent = false;
            for (var attempt = 0; attempt < Attempts && !sent; attempt++)
            {
                if (attempt > 0) await Task.Delay(RetryDelay);
                Interlocked.Increment(ref _attempts);
                sent = await TrySendAsync(delivery, attempt);
            }
            if (sent) Interlocked.Increment(ref _delivered);
            else Interlocked.Increment(ref _failed);
        }
    }

    private async Task<bool> TrySendAsync(Delivery delivery, int attempt)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url) { Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Atlassian-Webhook-Identifier", delivery.Identifier);
        request.Headers.Add("X-Atlassian-Webhook-Flow", "Primary");
        if (attempt > 0) request.Headers.Add("X-Atlassian-Webhook-Retry", attempt.ToString(CultureInfo.InvariantCulture));
        if (delivery.Secret is { Length: > 0 } secret)
            request.Headers.Add("X-Hub-Signature", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(delivery.Body))));
        try
        {
            using var response = await _http.SendAsync(request);
            return response.IsSuccessStatusCode;
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException or ObjectDisposedException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _sender.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
        _http.Dispose();
    }
}
