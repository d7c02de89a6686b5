using System.Globalization;
using System.Text.Json.Nodes;
using Sandbox.Jira.Http;
using Sandbox.Jira.Model;

namespace Sandbox.Jira.State;

/// <summary>
/// Which sprints an issue is in, kept as the Sprint field's value (sprint ids, oldest first; docs/reference/jira.md §11):
/// the closed sprints it was in stay, and at most one open (future or active) sprint is added. Moving the issue (the
/// Agile API, or an edit of the Sprint field) replaces the open one only.
/// </summary>
internal static class SprintMembership
{
    public static IReadOnlyList<long> Of(SandboxIssue issue) =>
        [.. (issue.CustomFields.GetValueOrDefault(CustomFieldCatalog.Sprint.Id) as JsonArray ?? []).Select(n => n!.GetValue<long>())];

    /// <summary>Puts <paramref name="issue"/> into <paramref name="target"/> (null: back to the backlog) and returns the
    /// changelog item, or null when nothing changed.</summary>
    public static ChangeItem? MoveTo(SandboxIssue issue, SandboxSprint? target, SandboxData data)
    {
        var before = Of(issue);
        var after = before.Where(id => Find(data, id) is { IsOpen: false }).ToList();
        if (target is not null && !after.Contains(target.Id)) after.Add(target.Id);
        if (after.SequenceEqual(before)) return null;
        if (after.Count == 0) issue.CustomFields.Remove(CustomFieldCatalog.Sprint.Id);
        else issue.CustomFields[CustomFieldCatalog.Sprint.Id] = new JsonArray([.. after.Select(id => (JsonNode)JsonValue.Create(id))]);
        return new ChangeItem("Sprint", "custom", Ids(before), Names(before, data), Ids(after), Names(after, data));
    }

    public static SandboxSprint? Find(SandboxData data, long id) => data.Sprints.FirstOrDefault(s => s.Id == id);

    private static string? Ids(IReadOnlyList<long> ids) => ids.Count == 0 ? null : string.Join(", ", ids.Select(i => i.ToString(CultureInfo.InvariantCulture)));

    private static string? Names(IReadOnlyList<long> ids, SandboxData data) =>
        ids.Count == 0 ? null : string.Join(", ", ids.Select(id => Find(data, id)?.Name ?? id.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The Sprint field as an issue shows it: objects on Cloud; on Data Center the <c>toString</c> form its REST
    /// API has always returned (<c>com.atlassian.greenhopper.service.sprint.Sprint@…[id=1,rapidViewId=1,state=ACTIVE,name=…]</c>).</summary>
    public static JsonNode? Render(SandboxSprint sprint, ApiContext context)
    {
        var zone = context.State.TimeZone;
        string? Date(DateTimeOffset? at) => at is { } value ? JiraTime.Format(value, zone) : null;
        if (context.IsCloud)
        {
            var json = new JsonObject { ["id"] = sprint.Id, ["name"] = sprint.Name, ["state"] = sprint.State, ["boardId"] = sprint.OriginBoardId, ["goal"] = sprint.Goal ?? "" };
            if (sprint.StartDate is not null) json["startDate"] = Date(sprint.StartDate);
            if (sprint.EndDate is not null) json["endDate"] = Date(sprint.EndDate);
            if (sprint.CompleteDate is not null) json["completeDate"] = Date(sprint.CompleteDate);
            return json;
        }
        return JsonValue.Create(string.Create(CultureInfo.InvariantCulture,
            $"com.atlassian.greenhopper.service.sprint.Sprint@{sprint.Id:x6}[id={sprint.Id},rapidViewId={sprint.OriginBoardId},state={sprint.State.ToUpperInvariant()},name={sprint.Name},startDate={Date(sprint.StartDate) ?? "<null>"},endDate={Date(sprint.EndDate) ?? "<null>"},completeDate={Date(sprint.CompleteDate) ?? "<null>"},sequence={sprint.Id},goal={sprint.Goal}]"));
    }
}
