using Sandbox.Jira.Model;

namespace Sandbox.Jira.State;

/// <summary>The sandbox's custom fields: one of each type teams map (docs/reference/jira.md §7), with fixed ids so tests
/// and examples can name them.</summary>
public static class CustomFieldCatalog
{
    private static CustomField Field(int id, string name, string type, string? items, string kind, params CustomFieldOption[] options) =>
        new($"customfield_{id}", name, type, items, CustomField.PluginPrefix + kind, options);

    /// <summary>Jira Software's Epic Link: on Data Center the way a standard issue belongs to an epic (the key of an Epic
    /// issue); on Cloud it is listed but cannot be set, the parent field having replaced it (docs/reference/jira.md §10).</summary>
    public static CustomField EpicLink { get; } = new("customfield_10014", "Epic Link", "any", null, "com.pyxis.greenhopper.jira:gh-epic-link", []);

    /// <summary>Jira Software's Sprint field: the sprints an issue has been in (docs/reference/jira.md §11).</summary>
    public static CustomField Sprint { get; } = new("customfield_10010", "Sprint", "array", "json", "com.pyxis.greenhopper.jira:gh-sprint", []);

    public static IReadOnlyList<CustomField> All { get; } =
    [
        Field(10016, "Story Points", "number", null, "float"),
        Field(10020, "Team", "string", null, "textfield"),
        Field(10021, "QA Notes", "string", null, "textarea"),
        Field(10022, "Risk", "option", null, "select", new("10100", "Low"), new("10101", "Medium"), new("10102", "High")),
        Field(10023, "Platforms", "array", "option", "multiselect", new("10110", "iOS"), new("10111", "Android"), new("10112", "Web")),
        Field(10024, "Start date", "date", null, "datepicker"),
        Field(10025, "Deployed at", "datetime", null, "datetime"),
        Field(10026, "Spec URL", "string", null, "url"),
        Field(10027, "Reviewer", "user", null, "userpicker"),
        Field(10028, "Environment", "option-with-child", null, "cascadingselect",
            new CustomFieldOption("10120", "Production", [new("10121", "EU"), new("10122", "US")]),
            new CustomFieldOption("10123", "Staging", [new("10124", "EU")])),
        Field(10029, "Severity", "option", null, "radiobuttons", new("10130", "S1"), new("10131", "S2"), new("10132", "S3")),
        Field(10030, "Checks", "array", "option", "multicheckboxes", new("10140", "Security"), new("10141", "Performance")),
        Field(10031, "Stakeholders", "array", "user", "multiuserpicker"),
        Field(10032, "Tags", "array", "string", "labels"),
        Field(10033, "Target version", "version", null, "version"),
        Field(10034, "Affected builds", "array", "version", "multiversion"),
        EpicLink,
        Sprint,
    ];

    public static CustomField? Find(string id) => All.FirstOrDefault(f => f.Id == id);

    /// <summary>By JQL clause name: <c>cf[10016]</c> or the field's name, case-insensitively.</summary>
    public static CustomField? ByClause(string clause)
    {
        if (clause.StartsWith("cf[", StringComparison.OrdinalIgnoreCase) && clause.EndsWith(']'))
            return Find("customfield_" + clause[3..^1]);
        return All.FirstOrDefault(f => string.Equals(f.Name, clause, StringComparison.OrdinalIgnoreCase));
    }
}
