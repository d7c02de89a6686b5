using BacklogJira.Core.Ports;
using BacklogJira.Core.Text;

namespace BacklogJira.Core.CustomFields;

/// <summary>A field named in config, by id (<c>customfield_10016</c>, <c>components</c>) or by its name as Jira shows
/// it (<c>Story Points</c>), found among <c>GET /field</c>'s answer.</summary>
public static class JiraFieldResolver
{
    /// <summary>The field <paramref name="idOrName"/> names: by id, else by name when exactly one field has it; null
    /// otherwise (<see cref="Explain"/> says why).</summary>
    public static JiraField? Find(IReadOnlyList<JiraField> fields, string idOrName)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var wanted = idOrName.Trim();
        if (fields.FirstOrDefault(f => string.Equals(f.Id, wanted, StringComparison.OrdinalIgnoreCase)) is { } byId) return byId;
        var byName = fields.Where(f => string.Equals(f.Name, wanted, StringComparison.OrdinalIgnoreCase)).ToList();
        return byName.Count == 1 ? byName[0] : null;
    }

    /// <summary>Why <see cref="Find"/> found nothing, with what to write instead.</summary>
    public static string Explain(IReadOnlyList<JiraField> fields, string idOrName)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var wanted = idOrName.Trim();
        var byName = fields.Where(f => string.Equals(f.Name, wanted, StringComparison.OrdinalIgnoreCase)).ToList();
        if (byName.Count > 1)
            return $"{byName.Count} Jira fields are named \"{wanted}\" ({string.Join(", ", byName.Select(f => f.Id))}); name the one you mean by its id";
        var words = wanted.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length >= 3).ToList();
        var close = fields.Where(f => f.Name.Contains(wanted, StringComparison.OrdinalIgnoreCase) || wanted.Contains(f.Name, StringComparison.OrdinalIgnoreCase)
                || words.Any(w => f.Name.Contains(w, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(f => EditDistance.Between(f.Name, wanted)).Take(3).Select(f => $"\"{f.Name}\" ({f.Id})").ToList();
        return $"Jira has no field \"{wanted}\"" + (close.Count > 0 ? $"; did you mean {string.Join(", ", close)}?" : "; see the field names in Jira (Project settings → Fields)");
    }
}
