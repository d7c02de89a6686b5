using System.Text.Json.Nodes;
using Sandbox.Jira.Model;
using Sandbox.Jira.State;

namespace Sandbox.Jira.Http;

/// <summary>Workflow transitions (docs/reference/jira.md §2.3): ids per edge, required screen fields, resolution set on
/// entering a done status and cleared on leaving it.</summary>
internal static class TransitionEndpoints
{

    public static void Map(ApiRoutes routes, SandboxState state)
    {
        routes.Map("GET", "/issue/{issueIdOrKey}/transitions", (http, api, _, _) => state.Read(data =>
        {
            var issue = SandboxState.FindIssue(data, ApiRoutes.Route(http, "issueIdOrKey"));
            var workflow = SandboxState.FindProject(data, issue.ProjectKey)!.WorkflowFor(issue.IssueTypeId);
            var withFields = IssueEndpoints.Expand(ApiRoutes.Query(http, "expand")).Contains("transitions.fields");
            var only = ApiRoutes.Query(http, "transitionId");
            return Reply.Ok(new JsonObject { ["expand"] = "transitions", ["transitions"] = Available(issue, workflow, api, withFields, only) });
        }));

        routes.Map("POST", "/issue/{issueIdOrKey}/transitions", (http, api, body, me) => state.Write(data =>
        {
            var issue = SandboxState.FindIssue(data, ApiRoutes.Route(http, "issueIdOrKey"));
            var project = IssueEndpoints.Writable(data, issue);
            var request = body as JsonObject ?? [];
            var id = request["transition"]?["id"]?.ToString();
            if (id is null || !long.TryParse(id, out _)) throw JiraApiException.BadRequest("'transition' identifier must be an integer");
            var workflow = project.WorkflowFor(issue.IssueTypeId);
            var transition = workflow.From(issue.StatusId).FirstOrDefault(t => t.Id == id)
                ?? throw JiraApiException.BadRequest($"Transition id '{id}' is not valid for this issue.");
            var fields = request["fields"] as JsonObject ?? [];
            var errors = new Dictionary<string, string>();
            foreach (var (name, _) in fields.Where(f => !transition.ScreenFields.Contains(f.Key)))
                errors[name] = $"Field '{name}' cannot be set. It is not on the appropriate screen, or unknown.";
            foreach (var required in transition.RequiredFields.Where(r => fields[r] is null))
                errors[required] = $"{char.ToUpperInvariant(required[0])}{required[1..]} is required.";
            var resolutionRef = fields["resolution"]?["name"]?.ToString() ?? fields["resolution"]?["id"]?.ToString();
            var resolution = resolutionRef is null ? null : Resolution.Find(resolutionRef);
            if (resolutionRef is not null && resolution is null) errors["resolution"] = $"Resolution '{resolutionRef}' is not valid.";
            if (errors.Count > 0) throw new JiraApiException(400, [], errors);

            var now = state.Now();
            var from = workflow.Status(issue.StatusId);
            var to = workflow.Status(transition.ToStatusId);
            var changes = new List<ChangeItem> { new("status", "jira", from.Id, from.Name, to.Id, to.Name) };
            if (from.CategoryKey != to.CategoryKey) issue.StatusCategoryChanged = now;
            if (to.CategoryKey == "done" && issue.ResolutionId is null)
            {
                var chosen = resolution ?? Resolution.All[0];
                issue.ResolutionId = chosen.Id;
                issue.ResolutionDate = now;
                changes.Add(new ChangeItem("resolution", "jira", null, null, chosen.Id, chosen.Name));
            }
            else if (to.CategoryKey != "done" && issue.ResolutionId is not null)
            {
                changes.Add(new ChangeItem("resolution", "jira", issue.ResolutionId, Resolution.Find(issue.ResolutionId)?.Name, null, null));
                issue.ResolutionId = null;
                issue.ResolutionDate = null;
            }
            issue.StatusId = to.Id;
            IssueEndpoints.Record(data, issue, me, changes, now);
            foreach (var comment in (request["update"]?["comment"] as JsonArray ?? []).OfType<JsonObject>())
            {
                if (comment["add"]?["body"] is { } commentBody) CommentEndpoints.Add(data, issue, api, commentBody, me, now);
            }
            return Reply.NoContent();
        }));
    }

    /// <summary>The transitions the issue's status offers (all, or the one <paramref name="only"/> names), as the
    /// transitions endpoint and an issue GET with <c>expand=transitions</c> list them.</summary>
    public static JsonArray Available(SandboxIssue issue, Workflow workflow, ApiContext api, bool withFields, string? only = null) =>
        new([.. workflow.From(issue.StatusId).Where(t => only is null || t.Id == only).Select(t => (JsonNode)Transition(t, workflow, api, withFields))]);

    private static JsonObject Transition(WorkflowTransition transition, Workflow workflow, ApiContext api, bool withFields)
    {
        var json = new JsonObject
        {
            ["id"] = transition.Id,
            ["name"] = transition.Name,
            ["to"] = JiraJson.Status(workflow.Status(transition.ToStatusId), api),
            ["hasScreen"] = transition.ScreenFields.Count > 0,
            ["isGlobal"] = transition.FromStatusIds.Count == 0,
            ["isInitial"] = false,
            ["isAvailable"] = true,
            ["isConditional"] = false,
            ["isLooped"] = false,
        };
        if (withFields)
        {
            var fields = new JsonObject();
            foreach (var field in transition.ScreenFields)
            {
                fields[field] = new JsonObject
                {
                    ["required"] = transition.RequiredFields.Contains(field),
                    ["schema"] = new JsonObject { ["type"] = field, ["system"] = field },
                    ["name"] = char.ToUpperInvariant(field[0]) + field[1..],
                    ["key"] = field,
                    ["hasDefaultValue"] = false,
                    ["operations"] = new JsonArray("set"),
                    ["allowedValues"] = new JsonArray([.. Resolution.All.Select(r => (JsonNode)IssueJson.ResolutionJson(r, api))]),
                };
            }
            json["fields"] = fields;
        }
        return json;
    }
}
