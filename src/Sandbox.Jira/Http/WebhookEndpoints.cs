using System.Globalization;
using System.Text.Json.Nodes;
using Sandbox.Jira.Model;
using Sandbox.Jira.State;

namespace Sandbox.Jira.Http;

/// <summary>
/// Admin webhooks at <c>/rest/webhooks/1.0/webhook</c>, as Cloud and Data Center serve them to administrators (docs/
/// jira-sandbox.md, "Webhooks"): register with name, url, events and <c>filters["issue-related-events-section"]</c> (JQL),
/// list, read, delete. Real Jira takes a webhook's secret on its admin screen; the sandbox also takes <c>secret</c> in
/// the body, so tests can register a signed webhook, and never shows it back.
/// </summary>
internal static class WebhookEndpoints
{
    private const string Base = "/rest/webhooks/1.0/webhook";
    private const string ScopeFilter = "issue-related-events-section";

    public static void Map(ApiRoutes routes, SandboxState state)
    {
        routes.MapPath("POST", Base, (_, api, body, _) => state.Write(data =>
        {
            var request = body as JsonObject ?? throw JiraApiException.BadRequest("A webhook needs a JSON body with name and url.");
            var name = request["name"]?.ToString();
            var url = request["url"]?.ToString();
            var errors = new Dictionary<string, string>();
            if (string.IsNullOrWhiteSpace(name)) errors["name"] = "The webhook name is required.";
            if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https"))
                errors["url"] = "The webhook URL must be an absolute http(s) URL.";
            if (errors.Count > 0) throw new JiraApiException(400, [], errors);
            var webhook = new SandboxWebhook
            {
                Id = data.NextWebhookId++,
                Name = name!,
                Url = url!,
                Events = request["events"] is JsonArray events ? [.. events.Select(e => e?.ToString() ?? "").Where(e => e.Length > 0)] : [],
                Jql = request["filters"]?[ScopeFilter]?.ToString(),
                Secret = request["secret"]?.ToString(),
                ExcludeBody = request["excludeBody"]?.GetValueKind() == System.Text.Json.JsonValueKind.True,
                Created = state.Now(),
            };
            data.Webhooks.Add(webhook);
            return new Reply(201, Json(webhook, api));
        }));
        routes.MapPath("GET", Base, (_, api, _, _) => state.Read(data => Reply.Ok(new JsonArray([.. data.Webhooks.Select(w => (JsonNode)Json(w, api))]))));
        routes.MapPath("GET", Base + "/{id}", (http, api, _, _) => state.Read(data => Reply.Ok(Json(Find(data, http), api))));
        routes.MapPath("DELETE", Base + "/{id}", (http, _, _, _) => state.Write(data =>
        {
            data.Webhooks.Remove(Find(data, http));
            return new Reply(204, null);
        }));
    }

    private static SandboxWebhook Find(SandboxData data, Microsoft.AspNetCore.Http.HttpContext http)
    {
        var id = ApiRoutes.Route(http, "id");
        return data.Webhooks.FirstOrDefault(w => w.Id.ToString(CultureInfo.InvariantCulture) == id)
            ?? throw new JiraApiException(404, [$"Webhook with id {id} not found."]);
    }

    private static JsonObject Json(SandboxWebhook webhook, ApiContext api) => new()
    {
        ["self"] = $"{api.BaseUrl.TrimEnd('/')}{Base}/{webhook.Id}",
        ["name"] = webhook.Name,
        ["url"] = webhook.Url,
        ["events"] = new JsonArray([.. webhook.Events.Select(e => (JsonNode)e)]),
        ["filters"] = new JsonObject { [ScopeFilter] = webhook.Jql ?? "" },
        ["excludeBody"] = webhook.ExcludeBody,
        ["enabled"] = webhook.Enabled,
        ["lastUpdated"] = webhook.Created.ToUnixTimeMilliseconds(),
    };
}
