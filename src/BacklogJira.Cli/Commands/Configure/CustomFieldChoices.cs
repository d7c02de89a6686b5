using System.Text.Json.Nodes;
using BacklogJira.Core.CustomFields;
using BacklogJira.Core.Ports;
using BacklogJira.Jira.Errors;
using BacklogJira.Sync.CustomFields;
using BacklogJira.Sync.State;

namespace BacklogJira.Cli.Commands.Configure;

/// <summary>A field on the project's create screen that a custom-field rule can map, with its kind.</summary>
internal sealed record MappableField(JiraField Field, CustomFieldKind Kind)
{
    public string Shown => $"{Field.Name} ({Kind.Label()}, {Field.Id})";

    /// <summary>Where its value goes unless told otherwise: a body section for rich text, else labels such as
    /// <c>story-points:5</c>.</summary>
    public string DefaultPlace => Kind == CustomFieldKind.RichText
        ? $"section:{Field.Name}"
        : $"label:{string.Join('-', new string([.. Field.Name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : ' ')]).Split(' ', StringSplitOptions.RemoveEmptyEntries))}:";
}

/// <summary>configure's custom-field step (docs/field-mapping.md): the project's mappable fields, and rules made from
/// choices such as <c>Story Points=label:sp:</c>, checked as a sync would check them before they are written.</summary>
internal static class CustomFieldChoices
{
    /// <summary>The custom fields (and components) on the create screen of the issue type that a rule can map.</summary>
    public static IReadOnlyList<MappableField> Mappable(IReadOnlyList<JiraField> fields, IReadOnlyCollection<string> onScreen) =>
        [.. fields.Where(f => (f.Custom || f.Id == "components") && onScreen.Contains(f.Id))
            .Select(f => CustomFieldKinds.Of(f) is { } kind ? new MappableField(f, kind) : null).OfType<MappableField>()
            .OrderBy(f => f.Field.Name, StringComparer.OrdinalIgnoreCase)];

    /// <summary>The rule for <paramref name="choice"/> (<c>Field</c> or <c>Field=place</c>, the field by name or id), or
    /// an error that says what the project offers.</summary>
    public static JsonObject Rule(string choice, IReadOnlyList<MappableField> mappable)
    {
        var at = choice.IndexOf('=', StringComparison.Ordinal);
        var name = (at < 0 ? choice : choice[..at]).Trim();
        var field = mappable.FirstOrDefault(f => string.Equals(f.Field.Id, name, StringComparison.OrdinalIgnoreCase))
            ?? mappable.FirstOrDefault(f => string.Equals(f.Field.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new JiraConfigurationException($"--custom-field {choice}: \"{name}\" is not a field a rule can map on this project's create screen; it offers: {string.Join(", ", mappable.Select(f => f.Shown))}.");
        var place = at < 0 ? field.DefaultPlace : choice[(at + 1)..].Trim();
        // By id, which survives a rename of the field in Jira; the name keeps plans readable (storyPoints).
        var rule = new JsonObject { ["name"] = CustomFieldRuleReader.DefaultName(field.Field.Name), ["jira"] = field.Field.Id, ["backlog"] = place };
        try
        {
            var parsed = CustomFieldRuleReader.Read(new JsonArray(rule.DeepClone()), [.. BacklogJira.Sync.Fields.SyncFieldCatalog.All.Select(f => f.Name)], _ => false)[0];
            if (CustomFieldBinder.PlaceProblem(parsed.Place, field.Kind) is { } problem)
                throw new JiraConfigurationException($"--custom-field {choice}: {field.Field.Name} is a {field.Kind.Label()} field and {problem}.");
        }
        catch (SyncConfigException error)
        {
            throw new JiraConfigurationException($"--custom-field {choice}: {error.Message.Replace("'customFields[0].backlog' in config.json", "the place", StringComparison.Ordinal)}");
        }
        return rule;
    }

    /// <summary>config <c>customFields</c> with <paramref name="rules"/> added, each replacing a rule of the same Jira field.</summary>
    public static JsonArray Merge(JsonNode? existing, IReadOnlyList<JsonObject> rules)
    {
        var kept = (existing as JsonArray ?? []).Where(r => !rules.Any(n => string.Equals(r?["jira"]?.ToString(), n["jira"]?.ToString(), StringComparison.OrdinalIgnoreCase)))
            .Select(r => r?.DeepClone());
        return new JsonArray([.. kept, .. rules.Select(r => (JsonNode?)r.DeepClone())]);
    }
}
