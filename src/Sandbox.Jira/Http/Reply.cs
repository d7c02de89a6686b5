using System.Text.Json.Nodes;

namespace Sandbox.Jira.Http;

/// <summary>A status and an optional JSON body: what every sandbox endpoint returns.</summary>
internal sealed record Reply(int Status, JsonNode? Body = null)
{
    public static Reply Ok(JsonNode body) => new(200, body);

    public static Reply Created(JsonNode body) => new(201, body);

    public static Reply NoContent() => new(204);
}
