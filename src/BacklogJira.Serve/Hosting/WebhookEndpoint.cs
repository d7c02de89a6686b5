using System.Text.Json.Nodes;
using BacklogJira.Serve.Queue;
using BacklogJira.Serve.Webhooks;
using BacklogJira.Serve.Work;
using Microsoft.AspNetCore.Http;

namespace BacklogJira.Serve.Hosting;

/// <summary>
/// <c>POST /webhooks/jira</c>: authenticates before parsing (a signed body, or the URL token a Data Center webhook
/// carries), bounds the body, drops Jira's retries of a delivery already taken, and answers 200 only once the work is
/// on disk, so Jira retries anything we could not keep.
/// </summary>
internal sealed class WebhookEndpoint(PendingWork queue, DeliveryIds deliveries, ServeStatus status, ServeOptions options, TimeProvider clock)
{
    public const string Path = "/webhooks/jira";
    public const string DeliveryHeader = "X-Atlassian-Webhook-Identifier";

    public async Task<IResult> HandleAsync(HttpContext http)
    {
        var body = await ReadBodyAsync(http.Request);
        if (body is null)
        {
            status.WebhookRejected();
            return Answer(StatusCodes.Status413PayloadTooLarge, "error", $"body larger than {options.MaxBodyBytes} bytes");
        }

        if (!Authentic(http.Request, body))
        {
            status.WebhookRejected();
            return Answer(StatusCodes.Status401Unauthorized, "error",
                "unsigned or badly signed: register the webhook with the secret serve was given (X-Hub-Signature), or put ?token=<secret> in a Data Center webhook's URL");
        }

        var parsed = JiraWebhookParser.Parse(body);
        if (parsed.Problem is { } problem)
        {
            status.WebhookRejected();
            return Answer(StatusCodes.Status400BadRequest, "error", problem);
        }

        if (parsed.Event is not { } webhook) return Answer(StatusCodes.Status200OK, "ignored", parsed.IgnoredName!);

        var delivery = http.Request.Headers[DeliveryHeader].ToString();
        if (delivery.Length > 0 && !deliveries.TryAdd(delivery))
        {
            status.WebhookDuplicate();
            return Answer(StatusCodes.Status200OK, "duplicate", delivery);
        }

        try
        {
            foreach (var issue in webhook.Issues)
                await queue.AddIssueAsync(issue.Id, issue.Key, webhook.Deleted, webhook.Name, http.RequestAborted);
        }
        catch (Exception)
        {
            if (delivery.Length > 0) deliveries.Forget(delivery);
            throw;
        }

        status.WebhookAccepted(clock.GetUtcNow());
        return Answer(StatusCodes.Status200OK, "queued", webhook.Issues.Count);
    }

    private static IResult Answer(int code, string name, JsonNode value) =>
        Results.Text(new JsonObject { [name] = value }.ToJsonString(), "application/json", statusCode: code);

    private bool Authentic(HttpRequest request, byte[] body)
    {
        var signature = request.Headers[WebhookSignature.Header].ToString();
        if (signature.Length > 0) return WebhookSignature.Verify(body, signature, options.WebhookSecret);
        return WebhookSignature.TokenMatches(request.Query["token"].ToString() is { Length: > 0 } token ? token : null, options.WebhookSecret);
    }

    /// <summary>The raw bytes (the signature covers them exactly), or null past the limit.</summary>
    private async Task<byte[]?> ReadBodyAsync(HttpRequest request)
    {
        if (request.ContentLength > options.MaxBodyBytes) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > options.MaxBodyBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
