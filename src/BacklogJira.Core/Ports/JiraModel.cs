using System.Text.Json.Nodes;

namespace BacklogJira.Core.Ports;

public enum JiraDeployment
{
    Cloud,
    DataCenter,
}

public sealed record JiraServerInfo(string BaseUrl, string Version, JiraDeployment Deployment, DateTimeOffset? ServerTime);

/// <summary>A Jira user. Cloud knows only <see cref="AccountId"/>; Data Center knows <see cref="Name"/> and <see cref="Key"/>.</summary>
public sealed record JiraUser(string? AccountId, string? Name, string? Key, string DisplayName, string? Email, bool Active, string? TimeZone)
{
    /// <summary>The identifier that never changes: accountId on Cloud, the user key on Data Center.</summary>
    public string StableId => AccountId ?? Key ?? Name ?? DisplayName;
}

public sealed record JiraStatus(string Id, string Name, string CategoryKey);

public sealed record JiraPriority(string Id, string Name);

/// <summary>A project version (a release), as fix versions name them.</summary>
public sealed record JiraVersion(string Id, string Name, bool Released, bool Archived);

/// <summary>A field as <c>GET /field</c> describes it: <see cref="SchemaType"/> (<c>number</c>, <c>option</c>, <c>array</c>…),
/// <see cref="Items"/> for an array, and <see cref="CustomType"/>, the plugin key of a custom field
/// (<c>com.atlassian.jira.plugin.system.customfieldtypes:select</c>), which says what kind of field it is
/// (docs/reference/jira.md §7).</summary>
public sealed record JiraField(string Id, string Name, bool Custom, string? SchemaType, string? Items = null, string? CustomType = null);

public sealed record JiraProject(string Id, string Key, string Name, IReadOnlyList<string> IssueTypes);

/// <summary>An issue with its text already in Markdown (from ADF on Cloud, from wiki markup on Data Center).
/// <see cref="DescriptionFingerprint"/> hashes Jira's own form of the description, so a change in Jira is detected
/// even where the Markdown rendering would hide it.</summary>
public sealed record JiraIssue
{
    public required string Id { get; init; }
    public required string Key { get; init; }
    public required string ProjectKey { get; init; }
    public required string IssueType { get; init; }
    public required string Summary { get; init; }
    public required string Description { get; init; }
    public required string DescriptionFingerprint { get; init; }
    public required JiraStatus Status { get; init; }
    public JiraUser? Assignee { get; init; }
    public JiraUser? Reporter { get; init; }
    public JiraPriority? Priority { get; init; }
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>Cloud: the parent on any level (an epic's child, a sub-task's parent). Data Center: a sub-task's parent
    /// only; an issue's epic is <see cref="EpicKey"/> there (docs/sync.md, "Hierarchy").</summary>
    public string? ParentKey { get; init; }

    /// <summary>Data Center's Epic Link (a custom field found by its type, docs/reference/jira.md §10); null on Cloud,
    /// where an epic is the parent.</summary>
    public string? EpicKey { get; init; }

    /// <summary>The issue's type is a sub-task type (it must have a parent).</summary>
    public bool IsSubtask { get; init; }

    /// <summary>The issue above this one in either form: the parent, else the epic. (A method, so the issue cache does
    /// not store it.)</summary>
    public string? HierarchyParentKey() => ParentKey ?? EpicKey;
    public string? Resolution { get; init; }
    public string? DueDate { get; init; }

    /// <summary>The names of the issue's fix versions, in Jira's order.</summary>
    public IReadOnlyList<string> FixVersions { get; init; } = [];

    /// <summary>The fields a custom-field rule reads (docs/field-mapping.md), by field id, in Jira's own JSON (rich text
    /// as ADF or wiki). A field the read asked for and Jira did not return is absent: it is not on the issue's screens
    /// or context, which is not the same as empty.</summary>
    public IReadOnlyDictionary<string, JsonNode?> CustomFields { get; init; } = new Dictionary<string, JsonNode?>();

    /// <summary>The issue's remote links (web links), when the read asked for them (the <c>references</c> field,
    /// docs/sync.md "References"); null when not read, which is not the same as none.</summary>
    public IReadOnlyList<JiraRemoteLink>? RemoteLinks { get; init; }

    /// <summary>The issue's comments, oldest first, when the read asked for them (the <c>comments</c> field,
    /// docs/sync.md "Comments"); null when not read, which is not the same as none.</summary>
    public IReadOnlyList<JiraComment>? Comments { get; init; }

    /// <summary>The issue's links to other issues, when the read asked for them (the <c>dependencies</c> field,
    /// docs/sync.md "Dependencies"); null when not read.</summary>
    public IReadOnlyList<JiraIssueLink>? Links { get; init; }

    /// <summary>The sprints the issue is or was in (the Sprint field), when the read asked for them (milestones as
    /// sprints, docs/sync.md "Milestones"); null when not read.</summary>
    public IReadOnlyList<JiraSprint>? Sprints { get; init; }
    public DateTimeOffset Created { get; init; }
    public DateTimeOffset Updated { get; init; }
}

/// <summary>What a bulk read by key found, and the keys that no longer exist (deleted, or moved without a redirect).</summary>
public sealed record JiraIssueRead(IReadOnlyList<JiraIssue> Issues, IReadOnlyList<string> Missing);

public sealed record JiraIssueRef(string Id, string Key, string Self);

/// <summary>What to create. Description is Markdown; the client converts it for the deployment.</summary>
public sealed record JiraIssueDraft
{
    public required string ProjectKey { get; init; }
    public required string IssueType { get; init; }
    public required string Summary { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<string> Labels { get; init; } = [];
    public string? PriorityName { get; init; }
    public JiraUser? Assignee { get; init; }
    public string? ParentKey { get; init; }

    /// <summary>Data Center's Epic Link: the epic a new standard issue belongs to.</summary>
    public string? EpicKey { get; init; }

    /// <summary>A calendar date, <c>YYYY-MM-DD</c>.</summary>
    public string? DueDate { get; init; }

    /// <summary>Null: Jira's default (the user who creates the issue).</summary>
    public JiraUser? Reporter { get; init; }

    /// <summary>Fix versions by name; each must exist in the project.</summary>
    public IReadOnlyList<string> FixVersions { get; init; } = [];

    /// <summary>Fields set by custom-field rules, by field id.</summary>
    public IReadOnlyDictionary<string, JiraFieldValue> CustomFields { get; init; } = new Dictionary<string, JiraFieldValue>();

    /// <summary>Issue properties set in the same request (e.g. the task id, so a retried create can find its issue).</summary>
    public IReadOnlyDictionary<string, JsonNode?> Properties { get; init; } = new Dictionary<string, JsonNode?>();
}

/// <summary>Only the fields that changed; a null member means "leave as is". Clearing is explicit.</summary>
public sealed record JiraIssueUpdate
{
    public string? Summary { get; init; }
    public bool ChangeDescription { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<string>? Labels { get; init; }
    public string? PriorityName { get; init; }
    public bool ChangeAssignee { get; init; }
    public JiraUser? Assignee { get; init; }
    public bool ChangeDueDate { get; init; }

    /// <summary>A calendar date, <c>YYYY-MM-DD</c>; null clears it when <see cref="ChangeDueDate"/>.</summary>
    public string? DueDate { get; init; }

    /// <summary>A new issue type, by name; Jira refuses a change across workflows or between standard and sub-task types.</summary>
    public string? IssueTypeName { get; init; }

    /// <summary>Jira refuses it without the "Modify Reporter" permission.</summary>
    public JiraUser? Reporter { get; init; }

    /// <summary>The complete list of fix versions by name (empty clears them); each must exist in the project.</summary>
    public IReadOnlyList<string>? FixVersions { get; init; }

    /// <summary>Fields set by custom-field rules, by field id; a <see cref="JiraFieldValue.Json"/> of null clears one.</summary>
    public IReadOnlyDictionary<string, JiraFieldValue> CustomFields { get; init; } = new Dictionary<string, JiraFieldValue>();

    /// <summary>Cloud: moves the issue under <see cref="ParentKey"/> (null: to the top level).</summary>
    public bool ChangeParent { get; init; }
    public string? ParentKey { get; init; }

    /// <summary>Data Center: sets the Epic Link to <see cref="EpicKey"/> (null clears it).</summary>
    public bool ChangeEpic { get; init; }
    public string? EpicKey { get; init; }

    public bool IsEmpty => Summary is null && !ChangeDescription && Labels is null && PriorityName is null && !ChangeAssignee && !ChangeDueDate
        && IssueTypeName is null && Reporter is null && FixVersions is null && CustomFields.Count == 0 && !ChangeParent && !ChangeEpic;
}

/// <summary>A value for one field in Jira's request shape; where that shape depends on the deployment (rich text is ADF
/// on Cloud and wiki markup on Data Center, a user is <c>{accountId}</c> or <c>{name}</c>), the client renders it.</summary>
public abstract record JiraFieldValue
{
    private JiraFieldValue()
    {
    }

    /// <summary>Already in Jira's shape (a number, <c>{"value": …}</c>, a list of names…); null clears the field.</summary>
    public sealed record Json(JsonNode? Value) : JiraFieldValue;

    /// <summary>Markdown, sent as ADF (v3) or wiki markup (v2); "" clears the field.</summary>
    public sealed record RichText(string Markdown) : JiraFieldValue;

    /// <summary>Users; <paramref name="OnePicker"/> for a user picker (one object or null), else a list.</summary>
    public sealed record Users(IReadOnlyList<JiraUser> Value, bool OnePicker) : JiraFieldValue;
}

public sealed record JiraTransitionField(string Id, string Name, bool Required, IReadOnlyList<string> AllowedValues);

public sealed record JiraTransition(string Id, string Name, JiraStatus To, IReadOnlyList<JiraTransitionField> Fields);

public sealed record JiraComment(string Id, string Body, JiraUser? Author, DateTimeOffset Created, DateTimeOffset Updated);

/// <summary>Jira's 400 to an edit: its message, and the field ids its error collection named (none on some transports).</summary>
public sealed record JiraRefusal(string Message, IReadOnlyList<string> Fields);

/// <summary>An edit Jira refused without naming a field it could be written without.</summary>
public sealed class JiraEditRefusedException(string message) : Exception(message);

/// <summary>One link of an issue to another, as the issue shows it: the link type's name, whether this issue holds the
/// link's outward phrase (<c>blocks</c>) or its inward one (<c>is blocked by</c>), and the other issue
/// (docs/reference/jira.md §9).</summary>
public sealed record JiraIssueLink(string Id, string TypeName, bool Outward, string OtherId, string OtherKey);

/// <summary>A sprint of a Jira Software board; <see cref="State"/> is <c>future</c>, <c>active</c> or <c>closed</c>
/// (docs/reference/jira.md §11).</summary>
public sealed record JiraSprint(long Id, string Name, string State)
{
    /// <summary>Future or active: the only sprints an issue can still be moved into.</summary>
    public bool IsOpen => !string.Equals(State, "closed", StringComparison.OrdinalIgnoreCase);
}

/// <summary>A remote link (a "web link" in Jira's UI). <see cref="GlobalId"/> is null for one added in Jira's UI;
/// <see cref="Id"/> is Jira's, null on a link not yet written.</summary>
public sealed record JiraRemoteLink(string? GlobalId, string Url, string Title)
{
    public string? Id { get; init; }
}
