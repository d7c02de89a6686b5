using System.Globalization;
using System.Text.Json.Nodes;
using Sandbox.Jira.Model;
using Sandbox.Jira.State;

namespace Sandbox.Jira.Http;

/// <summary>Project versions: list and create (docs/reference/jira.md §6), with Jira's errors for a duplicate or
/// missing name and an unknown project.</summary>
internal static class VersionEndpoints
{
    public static void Map(ApiRoutes routes, SandboxState state)
    {
        routes.Map("GET", "/project/{projectIdOrKey}/versions", (http, api, _, _) => state.Read(data =>
        {
            var key = ApiRoutes.Route(http, "projectIdOrKey");
            var project = SandboxState.FindProject(data, key) ?? throw new JiraApiException(404, [$"No project could be found with key '{key}'."]);
            return Reply.Ok(new JsonArray([.. project.Versions.Select(v => (JsonNode)Render(v, project, api))]));
        }));

        routes.Map("POST", "/version", (_, api, body, _) => state.Write(data =>
        {
            var request = body as JsonObject ?? [];
            var projectRef = request["projectId"]?.ToString() ?? request["project"]?.ToString();
            var project = (projectRef is null ? null : SandboxState.FindProject(data, projectRef))
                ?? throw new JiraApiException(400, [], new Dictionary<string, string> { ["project"] = "Project must be specified to create a version." });
            if (!project.Writable) throw new JiraApiException(403, ["You do not have permission to create versions in this project."]);
            var name = request["name"]?.ToString()?.Trim();
            if (string.IsNullOrEmpty(name)) throw new JiraApiException(400, [], new Dictionary<string, string> { ["name"] = "You must specify a valid version name" });
            if (project.Versions.Any(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase)))
                throw new JiraApiException(400, [], new Dictionary<string, string> { ["name"] = "A version with this name already exists in this project." });
            var version = new ProjectVersion((data.NextVersionId++).ToString(CultureInfo.InvariantCulture), name,
                request["released"]?.GetValueKind() == System.Text.Json.JsonValueKind.True, request["archived"]?.GetValueKind() == System.Text.Json.JsonValueKind.True);
            project.Versions.Add(version);
            return Reply.Created(Render(version, project, api));
        }));
    }

    public static JsonObject Render(ProjectVersion version, SandboxProject project, ApiContext api) => new()
    {
        ["self"] = $"{api.ApiBase}/version/{version.Id}",
        ["id"] = version.Id,
        ["name"] = version.Name,
        ["archived"] = version.Archived,
        ["released"] = version.Released,
        ["projectId"] = long.Parse(project.Id, CultureInfo.InvariantCulture),
    };
}
