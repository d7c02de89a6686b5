using System.Text.Json.Nodes;
using Sandbox.Nulab.Model;
using Sandbox.Nulab.State;

namespace Sandbox.Nulab.Http;

/// <summary>The document reads of docs/reference/nulab-backlog.md §2.10, shaped as backlog-js types them: the list by
/// project ids and keyword with offset (which Backlog requires) and count, a project's tree (active and trash), and one
/// document whole.</summary>
internal static class DocumentEndpoints
{
    public static void Map(NulabRoutes routes)
    {
        routes.Get("/documents", (_, q, s) =>
        {
            var offset = q.Int("offset") ?? throw NulabApiException.Invalid("offset is required.");
            var count = q.Int("count") ?? 20;
            if (count is < 1 or > 100) throw NulabApiException.Invalid("count must be between 1 and 100.");
            var projects = q.Ints("projectId");
            var keyword = q.Text("keyword");
            var found = s.Documents.Where(d => !d.InTrash && (projects.Count == 0 || projects.Contains(d.ProjectId))
                && (string.IsNullOrEmpty(keyword) || d.Title.Contains(keyword, StringComparison.OrdinalIgnoreCase) || d.Plain.Contains(keyword, StringComparison.OrdinalIgnoreCase)));
            var ascending = q.Text("order") == "asc";
            found = q.Text("sort") == "created"
                ? (ascending ? found.OrderBy(d => d.Created) : found.OrderByDescending(d => d.Created))
                : (ascending ? found.OrderBy(d => d.Updated) : found.OrderByDescending(d => d.Updated));
            return new JsonArray([.. found.Skip(offset).Take(count).Select(d => (JsonNode)Document(s, d))]);
        });
        routes.Get("/documents/tree", (_, q, s) =>
        {
            var reference = q.Text("projectIdOrKey") ?? throw NulabApiException.Invalid("projectIdOrKey is required.");
            var project = s.FindProject(reference) ?? throw NulabApiException.NotFound("No project.");
            var documents = s.Documents.Where(d => d.ProjectId == project.Id).ToList();
            JsonArray Children(string? parent, bool trash) =>
                new([.. documents.Where(d => d.ParentId == parent && d.InTrash == trash).OrderBy(d => d.Created).Select(d => (JsonNode)new JsonObject
                {
                    ["id"] = d.Id, ["name"] = d.Title, ["children"] = Children(d.Id, trash), ["statusId"] = 1, ["emoji"] = d.Emoji, ["updated"] = NulabJson.Time(d.Updated),
                })]);
            return new JsonObject
            {
                ["projectId"] = project.Id,
                ["activeTree"] = new JsonObject { ["id"] = "Active", ["children"] = Children(null, false) },
                ["trashTree"] = new JsonObject { ["id"] = "Trash", ["children"] = Children(null, true) },
            };
        });
        routes.Get("/documents/{document}", (http, _, s) =>
        {
            var id = NulabRoutes.Route(http, "document");
            return Document(s, s.Documents.Find(d => d.Id == id) ?? throw NulabApiException.NotFound("No document."));
        });
    }

    /// <summary>Adding a document (backlog-js's addDocument: form <c>projectId</c>, <c>title</c>, <c>content</c>,
    /// <c>emoji</c>, <c>parentId</c>, <c>addLast</c>); its id is a 32-character hex string, as Backlog's are.</summary>
    public static void MapWrites(NulabRoutes routes)
    {
        routes.Write("POST", "/documents", (_, form, space) => Task.FromResult<JsonNode>(space.Write(s =>
        {
            var projectId = WriteEndpoints.Int(form, "projectId") ?? throw NulabApiException.Invalid("Please specify projectId.");
            if (!s.Projects.Exists(p => p.Id == projectId)) throw NulabApiException.Invalid($"No project {projectId}.");
            var parent = WriteEndpoints.Text(form, "parentId") is { Length: > 0 } p ? p : null;
            if (parent is not null && !s.Documents.Exists(d => d.Id == parent && d.ProjectId == projectId)) throw NulabApiException.Invalid($"No document {parent} in that project.");
            var now = s.Now();
            var document = new StoredDocument
            {
                Id = Guid.NewGuid().ToString("N"), ProjectId = projectId, Title = WriteEndpoints.Text(form, "title") ?? "", Plain = WriteEndpoints.Text(form, "content") ?? "",
                Emoji = WriteEndpoints.Text(form, "emoji"), ParentId = parent, CreatedUserId = 1, Created = now, Updated = now,
            };
            s.Documents.Add(document);
            return Document(s, document);
        })));
    }

    private static JsonObject Document(SpaceState space, StoredDocument document) => new()
    {
        ["id"] = document.Id, ["projectId"] = document.ProjectId, ["title"] = document.Title, ["plain"] = document.Plain,
        ["json"] = new JsonObject { ["type"] = "doc", ["content"] = new JsonArray() }.ToJsonString(), ["statusId"] = 1, ["emoji"] = document.Emoji,
        ["attachments"] = new JsonArray(),
        ["tags"] = new JsonArray([.. document.Tags.Select(t => (JsonNode)new JsonObject { ["id"] = t.Id, ["name"] = t.Name })]),
        ["createdUser"] = NulabJson.User(space.User(document.CreatedUserId)), ["created"] = NulabJson.Time(document.Created),
        ["updatedUser"] = NulabJson.User(space.User(document.CreatedUserId)), ["updated"] = NulabJson.Time(document.Updated),
        ["childDocumentIds"] = new JsonArray([.. space.Documents.Where(d => d.ParentId == document.Id).Select(d => (JsonNode)d.Id)]),
    };
}
