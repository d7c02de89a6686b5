using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using static Sandbox.Jira.Tests.Http.SandboxHttp;

namespace Sandbox.Jira.Tests.Http;

/// <summary>Admin webhooks registered over REST and delivered over HTTP to a listener of the test's own, as Jira delivers
/// them: in order, signed when the webhook has a secret, filtered by event and JQL, retried with the same identifier.</summary>
public class WebhookDeliveryTests
{
    private const string Secret = "sandbox-webhook-secret";

    [Fact]
    public async Task Issue_comment_and_link_events_arrive_in_order_signed_and_filtered_and_a_failed_delivery_is_retried_with_its_identifier()
    {
        await using var receiver = await Receiver.StartAsync();
        await using var sandbox = await JiraSandbox.StartAsync(new SandboxOptions());
        sandbox.Webhooks.RetryDelay = TimeSpan.FromMilliseconds(50);
        sandbox.SeedIssues(1);
        using var http = Client(sandbox);
        var (registered, hook) = await SendAsync(http, "POST", "/rest/webhooks/1.0/webhook",
            $$"""{"name":"sync","url":"{{receiver.Url}}all","events":[],"filters":{"issue-related-events-section":"project = DEMO AND key != DEMO-1"},"secret":"{{Secret}}"}""");
        registered.ShouldBe(System.Net.HttpStatusCode.Created);
        hook!["self"]!.GetValue<string>().ShouldEndWith("/rest/webhooks/1.0/webhook/1");
        hook.ToJsonString().ShouldNotContain(Secret);
        (await SendAsync(http, "POST", "/rest/webhooks/1.0/webhook", $$"""{"name":"deletions","url":"{{receiver.Url}}deleted","events":["jira:issue_deleted"]}""")).Status.ShouldBe(System.Net.HttpStatusCode.Created);
        (await SendAsync(http, "GET", "/rest/webhooks/1.0/webhook")).Body!.AsArray().Count.ShouldBe(2);
        (await SendAsync(http, "POST", "/rest/webhooks/1.0/webhook", """{"name":"","url":"ftp://x"}""")).Status.ShouldBe(System.Net.HttpStatusCode.BadRequest);

        var created = (await SendAsync(http, "POST", "/rest/api/3/issue", """{"fields":{"project":{"key":"DEMO"},"issuetype":{"name":"Task"},"summary":"Watched"}}""")).Body!;
        var id = created["id"]!.GetValue<string>();
        var key = created["key"]!.GetValue<string>();
        (await SendAsync(http, "PUT", $"/rest/api/3/issue/{key}", """{"fields":{"summary":"Watched, renamed"}}""")).Status.ShouldBe(System.Net.HttpStatusCode.NoContent);
        (await SendAsync(http, "PUT", "/rest/api/3/issue/DEMO-1", """{"fields":{"summary":"Outside the filter"}}""")).Status.ShouldBe(System.Net.HttpStatusCode.NoContent);
        await SendAsync(http, "POST", $"/rest/api/3/issue/{key}/comment", """{"body":{"type":"doc","version":1,"content":[{"type":"paragraph","content":[{"type":"text","text":"hello"}]}]} }""");
        // Everything so far delivered first (the sender runs behind the writes), so the failures hit the next delivery.
        await receiver.WaitForAsync("/all", 4);
        receiver.FailNext(2);
        await SendAsync(http, "POST", "/rest/api/3/issueLink", $$"""{"type":{"name":"Blocks"},"inwardIssue":{"key":"{{key}}"},"outwardIssue":{"key":"DEMO-1"} }""");
        (await SendAsync(http, "DELETE", $"/rest/api/3/issue/{key}")).Status.ShouldBe(System.Net.HttpStatusCode.NoContent);

        var all = await receiver.WaitForAsync("/all", 7);
        // Creating a link changes both issues' history, so Jira announces an update of the watched one before the link.
        all.Select(d => d.Event).ShouldBe(["jira:issue_created", "jira:issue_updated", "jira:issue_updated", "comment_created", "jira:issue_updated", "issuelink_created", "jira:issue_deleted"]);
        all.Select(d => d.Event).Distinct().ShouldBe(["jira:issue_created", "jira:issue_updated", "comment_created", "issuelink_created", "jira:issue_deleted"]);
        all.ShouldAllBe(d => d.SignatureValid, "every delivery to the webhook with a secret is signed over its exact body");
        all[1].Body["issue"]!["fields"]!["summary"]!.GetValue<string>().ShouldBe("Watched, renamed");
        all[1].Body["changelog"]!["items"]!.AsArray().ShouldContain(i => i!["field"]!.GetValue<string>() == "summary" && i["toString"]!.GetValue<string>() == "Watched, renamed");
        all[1].Body["user"]!["accountId"].ShouldNotBeNull("Cloud names the user who made the change by account id");
        all[2].Body["issue_event_type_name"]!.GetValue<string>().ShouldBe("issue_commented");
        all[3].Body["comment"]!["id"].ShouldNotBeNull();
        var link = all.Single(d => d.Event == "issuelink_created");
        link.Body["issueLink"]!["sourceIssueId"]!.GetValue<long>().ShouldBe(long.Parse(id, System.Globalization.CultureInfo.InvariantCulture));
        all.ShouldAllBe(d => d.Body["issue"] == null || d.Body["issue"]!["key"]!.GetValue<string>() == key, "DEMO-1 is outside the webhook's JQL");
        all.Select(d => d.Identifier).Distinct().Count().ShouldBe(all.Count);

        // The first delivery after FailNext(2) was refused twice and came a third time, under the same identifier, in order.
        var retried = receiver.Attempts.GroupBy(a => a.Identifier).Where(g => g.Count() > 1).ShouldHaveSingleItem();
        retried.Select(a => a.Retry).ShouldBe([null, "1", "2"]);
        retried.Last().Event.ShouldBe("jira:issue_updated");

        var deleted = await receiver.WaitForAsync("/deleted", 1);
        deleted.Single().Event.ShouldBe("jira:issue_deleted");
        deleted.Single().Signature.ShouldBeNull("no secret, no signature");
        sandbox.Webhooks.Failed.ShouldBe(0);

        (await SendAsync(http, "DELETE", "/rest/webhooks/1.0/webhook/1")).Status.ShouldBe(System.Net.HttpStatusCode.NoContent);
        (await SendAsync(http, "GET", "/rest/webhooks/1.0/webhook/1")).Status.ShouldBe(System.Net.HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Fault_switches_drop_duplicate_and_reorder_deliveries_reproducibly()
    {
        await using var receiver = await Receiver.StartAsync();
        await using var sandbox = await JiraSandbox.StartAsync(new SandboxOptions());
        sandbox.SeedIssues(1);
        using var http = Client(sandbox);
        await SendAsync(http, "POST", "/rest/webhooks/1.0/webhook", $$"""{"name":"sync","url":"{{receiver.Url}}all","events":["jira:issue_updated"]}""");
        sandbox.Webhooks.Faults = new Webhooks.WebhookFaults { DropFraction = 0.2, DuplicateFraction = 0.2, ReorderFraction = 0.2, Seed = 7 };
        for (var i = 1; i <= 60; i++)
            await SendAsync(http, "PUT", "/rest/api/3/issue/DEMO-1", $$"""{"fields":{"summary":"edit {{i}}"} }""");

        // Counted once the sender has handled all 60 (it runs behind the writes).
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (sandbox.Webhooks.Delivered + sandbox.Webhooks.Dropped < 60 + sandbox.Webhooks.Duplicated && watch.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(20);
        var expected = 60 - (int)sandbox.Webhooks.Dropped + (int)sandbox.Webhooks.Duplicated;
        var got = await receiver.WaitForAsync("/all", expected);
        sandbox.Webhooks.Dropped.ShouldBeGreaterThan(0);
        sandbox.Webhooks.Duplicated.ShouldBeGreaterThan(0);
        sandbox.Webhooks.Reordered.ShouldBeGreaterThan(0);
        got.Count.ShouldBe(expected);
        got.GroupBy(d => d.Identifier).Count(g => g.Count() == 2).ShouldBe((int)sandbox.Webhooks.Duplicated, "a duplicate keeps its identifier");
        var edits = got.Select(d => int.Parse(d.Body["issue"]!["fields"]!["summary"]!.GetValue<string>()["edit ".Length..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        edits.Zip(edits.Skip(1)).Any(p => p.Second < p.First).ShouldBeTrue("some delivery came after the one behind it");
    }

    /// <summary>A listener of the test's own on 127.0.0.1 that records every attempt and can fail the next ones.</summary>
    private sealed class Receiver : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private int _failNext;

        private Receiver(WebApplication app) => _app = app;

        public string Url => _app.Urls.First().TrimEnd('/') + "/";

        public ConcurrentQueue<Attempt> Attempts { get; } = new();

        public sealed record Attempt(string Path, string Event, string Identifier, string? Retry, string? Signature, bool SignatureValid, JsonNode Body, bool Accepted);

        public void FailNext(int count) => Interlocked.Exchange(ref _failNext, count);

        public static async Task<Receiver> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
            var app = builder.Build();
            var receiver = new Receiver(app);
            app.MapPost("/{name}", async (HttpContext http) =>
            {
                using var buffer = new MemoryStream();
                await http.Request.Body.CopyToAsync(buffer);
                var bytes = buffer.ToArray();
                var signature = http.Request.Headers["X-Hub-Signature"].FirstOrDefault();
                var valid = signature == "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), bytes));
                var accepted = Interlocked.Decrement(ref receiver._failNext) < 0;
                var body = JsonNode.Parse(bytes)!;
                receiver.Attempts.Enqueue(new Attempt(http.Request.Path, body["webhookEvent"]!.GetValue<string>(), http.Request.Headers["X-Atlassian-Webhook-Identifier"].ToString(),
                    http.Request.Headers["X-Atlassian-Webhook-Retry"].FirstOrDefault(), signature, valid, body, accepted));
                http.Response.StatusCode = accepted ? 200 : 500;
            });
            await app.StartAsync();
            return receiver;
        }

        /// <summary>The accepted deliveries to <paramref name="path"/>, once there are <paramref name="count"/> (and a moment
        /// more, so an extra one would show).</summary>
        public async Task<List<Attempt>> WaitForAsync(string path, int count)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            while (Accepted(path).Count < count && watch.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(20);
            await Task.Delay(300);
            return Accepted(path);
        }

        private List<Attempt> Accepted(string path) => Attempts.Where(a => a.Path == path && a.Accepted).ToList();

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
