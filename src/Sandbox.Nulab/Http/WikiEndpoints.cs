using System.Text.Json.Nodes;
using Sandbox.Nulab.Model;
using Sandbox.Nulab.State;

namespace Sandbox.Nulab.Http;

/// <summary>The wiki reads of docs/reference/nulab-backlog.md §2.7, shaped as backlog-js types them: a project's page
/// list (no content, optionally by keyword in names and content), its count, and one page whole.</summary>
internal static class WikiEndpoints
{
    public static void Map(NulabRoutes routes)
    {
        routes.Get("/wikis", (_, q, s) =>
        {
            var project = ProjectOf(q, s);
            var keyword = q.Text("keyword");
            var pages = s.Wikis.Where(w => w.ProjectId == project.Id && (string.IsNullOrEmpty(keyword)
                || w.Name.Contains(keyword, StringComparison.OrdinalIgnoreCase) || w.Content.Contains(keyword, StringComparison.OrdinalIgnoreCase)));
            return new JsonArray([.. pages.OrderBy(w => w.Name, StringComparer.Ordinal).Select(w => (JsonNode)ListItem(s, w))]);
        });
        routes.Get("/wikis/count", (_, q, s) =>
        {
            var project = ProjectOf(q, s);
            return new JsonObject { ["count"] = s.Wikis.Count(w => w.ProjectId == project.Id) };
        });
        routes.Get("/wikis/{wiki}", (http, _, s) =>
        {
            var id = NulabRoutes.Route(http, "wiki");
            var wiki = s.Wikis.Find(w => w.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == id) ?? throw NulabApiException.NotFound("No wiki.");
            var page = ListItem(s, wiki);
            page["content"] = wiki.Content;
            page["attachments"] = new JsonArray([.. wiki.Attachments.Select(a => (JsonNode)NulabJson.Attachment(s, a))]);
            page["sharedFiles"] = new JsonArray();
            page["stars"] = new JsonArray();
            return page;
        });
    }

    /// <summary>The project named by <c>projectIdOrKey</c>, which the wiki list and count require.</summary>
    private static StoredProject ProjectOf(QueryReader query, SpaceState space)
    {
        var reference = query.Text("projectIdOrKey") ?? throw NulabApiException.Invalid("projectIdOrKey is required.");
        return space.FindProject(reference) ?? throw NulabApiException.NotFound("No project.");
    }

    private static JsonObject ListItem(SpaceState space, StoredWiki wiki) => new()
    {
        ["id"] = wiki.Id,
        ["projectId"] = wiki.ProjectId,
        ["name"] = wiki.Name,
        ["tags"] = new JsonArray([.. wiki.Tags.Select(t => (JsonNode)new JsonObject { ["id"] = t.Id, ["name"] = t.Name })]),
        ["createdUser"] = NulabJson.User(space.User(wiki.CreatedUserId)),
        ["created"] = NulabJson.Time(wiki.Created),
        ["updatedUser"] = NulabJson.User(space.User(wiki.UpdatedUserId)),
        ["updated"] = NulabJson.Time(wiki.Updated),
    };
}
