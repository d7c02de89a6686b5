using BacklogJira.Core.CustomFields;
using BacklogJira.Core.Ports;
using BacklogJira.Sync.Fields;
using BacklogJira.Sync.State;

namespace BacklogJira.Sync.CustomFields;

/// <summary>
/// Turns config <c>customFields</c> into descriptors once per run (docs/field-mapping.md): each rule's Jira field is
/// found in <c>GET /field</c> (one call, cached by the client), its kind read from its schema, and its place checked
/// against that kind. Every problem is named at once, before anything is read or written, so a rule that cannot work
/// never half-syncs. A built-in field the transport cannot carry (web links over MCP) is refused here too, for the same reason.
/// </summary>
public static class CustomFieldBinder
{
    public static async Task BindAsync(SyncConfig config, IJiraClient jira, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(jira);
        if (config.Syncs(SyncFieldCatalog.References) && !jira.ReadsRemoteLinks)
            throw new SyncConfigException("sync.fields.references in .backlog-jira/config.json needs the REST transport: the MCP Atlassian server cannot read or delete an issue's web links. Set jira.transport to \"rest\", or turn references off.");
        if (config.ReadsIssueLinks && !jira.ReadsIssueLinks)
            throw new SyncConfigException("sync.fields.dependencies in .backlog-jira/config.json needs the REST transport: the MCP Atlassian server cannot list an issue's links with their ids nor delete one. Set jira.transport to \"rest\", or turn dependencies off.");
        if (config.ReadsComments && !jira.ReadsComments)
            throw new SyncConfigException("sync.fields.comments in .backlog-jira/config.json needs the REST transport: the MCP Atlassian server reads at most 100 comments of an issue, so a longer thread could not be told from one with comments deleted. Set jira.transport to \"rest\", or turn comments off.");
        if (config.ReadsSprints && !jira.ReadsSprints)
            throw new SyncConfigException("jira.milestoneAs \"sprint\" in .backlog-jira/config.json needs the REST transport: the MCP Atlassian server's issue answers carry no sprint ids. Set jira.transport to \"rest\", or jira.milestoneAs to \"fixVersion\".");
        if (config.CustomFieldRules.Count == 0 || config.RuleFields.Count > 0) return;
        if (!jira.ReadsCustomFields)
            throw new SyncConfigException("customFields in .backlog-jira/config.json need the REST transport: the MCP Atlassian server simplifies custom field values (options to their text, users to their names), which cannot be mapped back safely. Set jira.transport to \"rest\", or remove customFields.");
        var known = await jira.GetFieldsAsync(cancellationToken);
        var problems = new List<string>();
        var fields = new List<ISyncField>();
        for (var i = 0; i < config.CustomFieldRules.Count; i++)
        {
            var rule = config.CustomFieldRules[i];
            var where = $"customFields[{i}] ({rule.Name})";
            if (JiraFieldResolver.Find(known, rule.JiraField) is not { } field)
            {
                problems.Add($"{where}: {JiraFieldResolver.Explain(known, rule.JiraField)}.");
                continue;
            }
            if (CustomFieldKinds.Of(field) is not { } kind)
            {
                problems.Add(field.CustomType == "com.pyxis.greenhopper.jira:gh-sprint"
                    ? $"{where}: \"{field.Name}\" ({field.Id}) is Jira Software's Sprint field, which is not a custom-field rule: set jira.milestoneAs to \"sprint\" to map the milestone to it (docs/sync.md, \"Milestones\")."
                    : $"{where}: Jira field \"{field.Name}\" ({field.Id}) is {CustomFieldKinds.Describe(field)}, which backlog-jira cannot map; the types it maps are listed in docs/field-mapping.md.");
                continue;
            }
            if (PlaceProblem(rule.Place, kind) is { } problem)
            {
                problems.Add($"{where}: {field.Name} is a {kind.Label()} field and {problem}.");
                continue;
            }
            var binding = new CustomFieldBinding(rule, field, kind);
            fields.Add(kind.IsList() ? new CustomListField(binding) : new CustomValueField(binding));
        }
        if (problems.Count == 1) throw new SyncConfigException(problems[0] + " Fix customFields in .backlog-jira/config.json ('backlog-jira doctor' checks each rule).");
        if (problems.Count > 1)
            throw new SyncConfigException($"{problems.Count} problems in customFields in .backlog-jira/config.json ('backlog-jira doctor' checks each rule):\n  - " + string.Join("\n  - ", problems));
        config.UseRuleFields(fields);
    }

    /// <summary>Why the rule's place cannot hold a value of <paramref name="kind"/>, or null.</summary>
    public static string? PlaceProblem(TaskPlace place, CustomFieldKind kind) => place switch
    {
        TaskPlace.Label when kind == CustomFieldKind.RichText => "a label cannot hold rich text; use \"section:<title>\"",
        TaskPlace.DueDate when kind != CustomFieldKind.Date => "due_date holds a date only; use \"label:<prefix>\" or \"section:<title>\"",
        TaskPlace.Milestone when kind is not (CustomFieldKind.Version or CustomFieldKind.Option or CustomFieldKind.Text) =>
            "a milestone holds one name (map a version, a single select or a text field to it); use \"label:<prefix>\" or \"section:<title>\"",
        _ => null,
    };
}
