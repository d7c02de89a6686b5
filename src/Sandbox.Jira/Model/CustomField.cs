namespace Sandbox.Jira.Model;

/// <summary>An option of a select, radio, checkbox or cascading field (a cascading parent has children).</summary>
public sealed record CustomFieldOption(string Id, string Value, IReadOnlyList<CustomFieldOption> Children)
{
    public CustomFieldOption(string id, string value) : this(id, value, []) { }
}

/// <summary>A custom field as <c>GET /field</c> describes it: its schema type (and item type for lists), the plugin key
/// that says which kind of field it is, and its options where it has some (docs/reference/jira.md §7).</summary>
public sealed record CustomField(string Id, string Name, string Type, string? Items, string Plugin, IReadOnlyList<CustomFieldOption> Options)
{
    public const string PluginPrefix = "com.atlassian.jira.plugin.system.customfieldtypes:";

    public int CustomId => int.Parse(Id["customfield_".Length..], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The plugin key's last part (<c>select</c>, <c>cascadingselect</c>, …).</summary>
    public string Kind => Plugin[(Plugin.LastIndexOf(':') + 1)..];

    public bool IsList => Type == "array";
}
