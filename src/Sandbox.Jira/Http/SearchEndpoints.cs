using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Sandbox.Jira.Faults;
using Sandbox.Jira.Jql;
using Sandbox.Jira.Model;
using Sandbox.Jira.State;

namespace Sandbox.Jira.Http;

/// <summary>Search as each deployment has it (docs/reference/jira.md §2.4): Cloud's cursor-paged <c>/search/jql</c> (no
/// total, tokens bound to the query, the old <c>/search</c> gone with 410) and Data Center's offset-paged <c>/search</c>.</summary>
internal static class SearchEndpoints
{
    public const string RemovedSearchMessage =
        "The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046";

    public static void Map(ApiRoutes routes, SandboxState state, Func<FaultPlan> faults)
    {
        var index = new SearchIndex(state);
        if (state.Mode == SandboxMode.Cloud)
        {
            ApiRoutes.Handler enhanced = (http, api, body, me) => state.Read(data => EnhancedSearch(http, api, body as JsonObject, me, data, faults(), index));
            routes.Map("GET", "/search/jql", enhanced);
            routes.Map("POST", "/search/jql", enhanced);
            ApiRoutes.Handler removed = (_, _, _, _) => new Reply(410, JiraJson.Error([RemovedSearchMessage]));
            routes.Map("GET", "/search", removed);
            routes.Map("POST", "/search", removed);
            routes.Map("POST", "/search/approximate-count", (_, api, body, me) => state.Read(data =>
            {
                var query = JqlParser.Parse(body?["jql"]?.ToString() ?? "");
                var evaluator = Evaluator(data, api, me);
                return Reply.Ok(new JsonObject { ["count"] = data.Issues.Count(evaluator.Filter(query.Where)) });
            }));
        }
        else
        {
            ApiRoutes.Handler offset = (http, api, body, me) => state.Read(data => OffsetSearch(http, api, body as JsonObject, me, data, index));
            routes.Map("GET", "/search", offset);
            routes.Map("POST", "/search", offset);
        }
    }

    private static JqlEvaluator Evaluator(SandboxData data, ApiContext api, SandboxUser me) =>
        new(data, me, api.State.TimeZone, api.State.Now(), api.IsCloud);

    private static Reply EnhancedSearch(HttpContext http, ApiContext api, JsonObject? body, SandboxUser me, SandboxData data, FaultPlan faults, SearchIndex index)
    {
        var request = SearchRequest.From(http, body);
        var query = JqlParser.Parse(request.Jql);
        if (query.Where is null)
            throw JiraApiException.BadRequest("Unbounded JQL queries are not allowed here. Please add a search restriction to your query.");
        var idOnly = request.Fields.All(f => f is "id" or "key");
        var maxResults = Math.Clamp(request.MaxResults ?? 50, 1, idOnly ? 5000 : 100);
        var fingerprint = Fingerprint(request.Jql + "|" + string.Join(',', request.Fields));
        var offset = 0;
        if (!string.IsNullOrEmpty(request.NextPageToken))
        {
            offset = DecodeToken(request.NextPageToken, fingerprint)
                ?? throw JiraApiException.BadRequest("The provided next page token is invalid or expired.");
        }
        var matches = index.Matches(request.Jql, me, () => Matches(query, Evaluator(data, api, me), data));
        if (faults.IndexLag > TimeSpan.Zero)
        {
            // Cloud's search index lags behind writes; reconcileIssues forces the listed ids to be current.
            var horizon = api.State.Now() - faults.IndexLag;
            matches = [.. matches.Where(i => i.Updated <= horizon || request.Reconcile.Contains(i.Id))];
        }
        var page = matches.Skip(offset).Take(maxResults).ToList();
        var fields = IssueJson.SelectFields(request.Fields, defaultAll: false, FieldCatalog.CustomFieldIds);
        var json = new JsonObject
        {
            // Without fields (or properties) Cloud's search returns ids only (OpenAPI: SearchAndReconcileResults).
            ["issues"] = new JsonArray([.. page.Select(i => request.Fields.Count == 0 && request.Properties.Count == 0
                ? new JsonObject { ["id"] = i.Id }
                : (JsonNode)IssueJson.Render(i, data, api, fields, request.Expand, request.Properties))]),
        };
        var isLast = offset + page.Count >= matches.Count;
        if (!isLast) json["nextPageToken"] = EncodeToken(fingerprint, offset + page.Count);
        json["isLast"] = isLast;
        if (request.Expand.Contains("names"))
            json["names"] = new JsonObject([.. fields.Select(f => KeyValuePair.Create(f, (JsonNode?)FieldCatalog.NameOf(f)))]);
        return Reply.Ok(json);
    }

    private static Reply OffsetSearch(HttpContext http, ApiContext api, JsonObject? body, SandboxUser me, SandboxData data, SearchIndex index)
    {
        var request = SearchRequest.From(http, body);
        var query = JqlParser.Parse(request.Jql);
        var matches = index.Matches(request.Jql, me, () => Matches(query, Evaluator(data, api, me), data));
        var maxResults = Math.Clamp(request.MaxResults ?? 50, 0, 1000);
        var startAt = Math.Max(0, request.StartAt);
        var fields = IssueJson.SelectFields(request.Fields.Count == 0 ? ["*navigable"] : request.Fields, defaultAll: false, FieldCatalog.CustomFieldIds);
        var page = matches.Skip(startAt).Take(maxResults);
        return Reply.Ok(new JsonObject
        {
            ["expand"] = "schema,names",
            ["startAt"] = startAt,
            ["maxResults"] = maxResults,
            ["total"] = matches.Count,
            ["issues"] = new JsonArray([.. page.Select(i => (JsonNode)IssueJson.Render(i, data, api, fields, request.Expand, request.Properties))]),
        });
    }

    private static List<SandboxIssue> Matches(JqlQuery query, JqlEvaluator evaluator, SandboxData data)
    {
        var filter = evaluator.Filter(query.Where);
        return JqlEvaluator.Sort(data.Issues.Where(filter), query.OrderBy);
    }

    private static string Fingerprint(string text) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12];

    private static string EncodeToken(string fingerprint, int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{fingerprint}:{offset.ToString(CultureInfo.InvariantCulture)}"));

    private static int? DecodeToken(string token, string fingerprint)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(token)).Split(':');
            return parts.Length == 2 && parts[0] == fingerprint && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var offset) ? offset : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The search parameters, from the query string (GET) or the body (POST).</summary>
    private sealed record SearchRequest(string Jql, List<string> Fields, int? MaxResults, int StartAt, string? NextPageToken, IReadOnlyCollection<string> Expand, HashSet<string> Reconcile)
    {
        public IReadOnlyCollection<string> Properties { get; init; } = [];

        public static SearchRequest From(HttpContext http, JsonObject? body)
        {
            if (body is not null)
            {
                return new SearchRequest(
                    body["jql"]?.ToString() ?? "",
                    [.. (body["fields"] as JsonArray ?? []).Select(f => f?.ToString() ?? "")],
                    body["maxResults"] is JsonValue max ? max.GetValue<int>() : null,
                    body["startAt"] is JsonValue start ? start.GetValue<int>() : 0,
                    body["nextPageToken"]?.ToString(),
                    IssueEndpoints.Expand(body["expand"]?.ToString()),
                    [.. (body["reconcileIssues"] as JsonArray ?? []).Select(r => r?.ToString() ?? "")])
                {
                    Properties = [.. (body["properties"] as JsonArray ?? []).Select(p => p?.ToString() ?? "")],
                };
            }
            var query = http.Request.Query;
            return new SearchRequest(
                query["jql"].ToString(),
                [.. query["fields"].SelectMany(f => (f ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))],
                int.TryParse(query["maxResults"], out var maxResults) ? maxResults : null,
                int.TryParse(query["startAt"], out var startAt) ? startAt : 0,
                query.TryGetValue("nextPageToken", out var token) ? token.ToString() : null,
                IssueEndpoints.Expand(query["expand"]),
                [.. query["reconcileIssues"].SelectMany(r => (r ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))])
            {
                Properties = IssueEndpoints.Expand(query["properties"]),
            };
        }
    }
}
