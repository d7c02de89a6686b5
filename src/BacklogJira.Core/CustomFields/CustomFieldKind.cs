using BacklogJira.Core.Ports;

namespace BacklogJira.Core.CustomFields;

/// <summary>The kinds of Jira field a custom-field rule can map (docs/field-mapping.md, "Field types"), each with one
/// canonical text form per item so both sides compare equal when they mean the same.</summary>
public enum CustomFieldKind
{
    /// <summary>A single line of text (<c>textfield</c>).</summary>
    Text,

    /// <summary>A URL (<c>url</c>).</summary>
    Url,

    /// <summary>Rich text (<c>textarea</c>): ADF on Cloud, wiki markup on Data Center, Markdown in the task.</summary>
    RichText,

    /// <summary>A number (<c>float</c>, Jira Software's story points): invariant decimal without trailing zeros.</summary>
    Number,

    /// <summary>A calendar date (<c>datepicker</c>): <c>YYYY-MM-DD</c>.</summary>
    Date,

    /// <summary>A point in time (<c>datetime</c>): UTC, <c>YYYY-MM-DDTHH:mm:ssZ</c>.</summary>
    DateTime,

    /// <summary>One option (<c>select</c>, <c>radiobuttons</c>), by its value.</summary>
    Option,

    /// <summary>Several options (<c>multiselect</c>, <c>multicheckboxes</c>).</summary>
    Options,

    /// <summary>A parent option and optionally one of its children (<c>cascadingselect</c>): <c>Parent / Child</c>.</summary>
    Cascading,

    /// <summary>A list of labels (<c>labels</c>).</summary>
    Labels,

    /// <summary>One user (<c>userpicker</c>), through the user mapping.</summary>
    User,

    /// <summary>Several users (<c>multiuserpicker</c>), through the user mapping.</summary>
    Users,

    /// <summary>One version of the project (<c>version</c>), by name.</summary>
    Version,

    /// <summary>Several versions (<c>multiversion</c>), by name.</summary>
    Versions,

    /// <summary>The components (the system field <c>components</c>), by name.</summary>
    Components,
}

public static class CustomFieldKinds
{
    private const string Plugin = "com.atlassian.jira.plugin.system.customfieldtypes:";

    /// <summary>True for kinds that hold a set of items; the others hold one value or none.</summary>
    public static bool IsList(this CustomFieldKind kind) =>
        kind is CustomFieldKind.Options or CustomFieldKind.Labels or CustomFieldKind.Users or CustomFieldKind.Versions or CustomFieldKind.Components;

    /// <summary>True for kinds whose items are users (translated through the user mapping).</summary>
    public static bool IsUsers(this CustomFieldKind kind) => kind is CustomFieldKind.User or CustomFieldKind.Users;

    /// <summary>What kind <paramref name="field"/> is, by its plugin key first (it says what the field is), else by its
    /// schema; null when no rule can map it (<see cref="Describe"/> names it for the error).</summary>
    public static CustomFieldKind? Of(JiraField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (field.CustomType is { } plugin && plugin.StartsWith(Plugin, StringComparison.Ordinal))
        {
            CustomFieldKind? byPlugin = plugin[Plugin.Length..] switch
            {
                "textfield" => CustomFieldKind.Text,
                "url" => CustomFieldKind.Url,
                "textarea" => CustomFieldKind.RichText,
                "float" => CustomFieldKind.Number,
                "datepicker" => CustomFieldKind.Date,
                "datetime" => CustomFieldKind.DateTime,
                "select" or "radiobuttons" => CustomFieldKind.Option,
                "multiselect" or "multicheckboxes" => CustomFieldKind.Options,
                "cascadingselect" => CustomFieldKind.Cascading,
                "labels" => CustomFieldKind.Labels,
                "userpicker" => CustomFieldKind.User,
                "multiuserpicker" => CustomFieldKind.Users,
                "version" => CustomFieldKind.Version,
                "multiversion" => CustomFieldKind.Versions,
                _ => null,
            };
            if (byPlugin is not null) return byPlugin;
        }
        return (field.SchemaType, field.Items) switch
        {
            ("number", _) => CustomFieldKind.Number,
            ("date", _) => CustomFieldKind.Date,
            ("datetime", _) => CustomFieldKind.DateTime,
            ("string", _) when field.Custom => CustomFieldKind.Text,
            ("option", _) => CustomFieldKind.Option,
            ("option-with-child", _) => CustomFieldKind.Cascading,
            ("user", _) => CustomFieldKind.User,
            ("version", _) => CustomFieldKind.Version,
            ("array", "option") => CustomFieldKind.Options,
            ("array", "string") when field.Custom => CustomFieldKind.Labels,
            ("array", "user") => CustomFieldKind.Users,
            ("array", "version") => CustomFieldKind.Versions,
            ("array", "component") => CustomFieldKind.Components,
            _ => null,
        };
    }

    /// <summary>The field's type as Jira states it, for messages: <c>array of json (…:gh-sprint)</c>.</summary>
    public static string Describe(JiraField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var type = field.SchemaType is null ? "no schema" : field.Items is null ? field.SchemaType : $"{field.SchemaType} of {field.Items}";
        return field.CustomType is null ? type : $"{type} ({field.CustomType})";
    }

    /// <summary>A name for people and docs: <c>number</c>, <c>multi-select</c>, <c>cascading select</c>…</summary>
    public static string Label(this CustomFieldKind kind) => kind switch
    {
        CustomFieldKind.RichText => "rich text",
        CustomFieldKind.DateTime => "date-time",
        CustomFieldKind.Option => "single select",
        CustomFieldKind.Options => "multi-select",
        CustomFieldKind.Cascading => "cascading select",
        CustomFieldKind.Users => "multi-user",
        CustomFieldKind.Versions => "multi-version",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
