using System.Text.Json.Nodes;
using Sandbox.Jira.Model;
using Sandbox.Jira.State;

namespace Sandbox.Jira.Http;

/// <summary><c>GET /project/{key}/components</c> and the component JSON issues carry (docs/reference/jira.md §7).</summary>
internal static class ComponentEndpoints
{
    public static void Map(ApiRoutes routes, SandboxState state)
    {
        routes.Map("GET", "/project/{projectIdOrKey}/components", (http, api, _, _) => state.Read(data =>
        {
            var key = ApiRoutes.Route(http, "projectIdOrKey");
            var project = SandboxState.FindProject(data, key) ?? throw new JiraApiException(404, [$"No project could be found with key '{key}'."]);
            return Reply.Ok(new JsonArray([.. project.Components.Select(c => (JsonNode)Render(c, project, api))]));
        }));
    }

    public static JsonObject Render(ProjectComponent component, SandboxProject project, ApiContext context) => new()
    {
        ["self"] = $"{context.ApiBase}/component/{component.Id}",
        ["id"] = component.Id,
        ["name"] = component.Name,
        ["project"] = project.Key,
        ["projectId"] = int.Parse(project.Id, System.Globalization.CultureInfo.InvariantCulture),
    };
}
