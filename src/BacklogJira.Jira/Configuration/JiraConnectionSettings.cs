using BacklogJira.Core.Ports;

namespace BacklogJira.Jira.Configuration;

/// <summary>Where Jira is and how to log in. <see cref="ToString"/> never shows a secret.</summary>
public sealed record JiraConnectionSettings
{
    /// <summary>The site, with its context path if it has one (<c>https://host/jira</c>); requests are made below it.</summary>
    public required Uri BaseUrl { get; init; }

    /// <summary>What was cut from <c>JIRA_URL</c> to get <see cref="BaseUrl"/> (a pasted page or API address), if anything.</summary>
    public string? UrlNotice { get; init; }

    /// <summary>Cloud: the account email. Data Center with Basic auth: the user name.</summary>
    public string? User { get; init; }

    /// <summary>Cloud API token (Basic auth with <see cref="User"/>).</summary>
    public string? ApiToken { get; init; }

    /// <summary>Data Center personal access token (Bearer); wins over the API token when both are set.</summary>
    public string? PersonalToken { get; init; }

    /// <summary>Null: detect from <c>/serverInfo</c>.</summary>
    public JiraDeployment? Deployment { get; init; }

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public int MaxConcurrency { get; init; } = 8;

    public int MaxRetries { get; init; } = 6;

    /// <summary>First backoff step when Jira gives no Retry-After; doubles with jitter.</summary>
    public TimeSpan BackoffBase { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait honoured from Retry-After or X-RateLimit-Reset.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(60);

    public int PageSize { get; init; } = 100;

    /// <summary>Keys per <c>key in (…)</c> query.</summary>
    public int KeyBatchSize { get; init; } = 100;

    /// <summary>Keys per <c>key in (…) AND updated &gt;= …</c> query (its answer is small; the JQL stays under 8 KB).</summary>
    public int ChangedKeyBatchSize { get; init; } = 500;

    /// <summary>Keys per page when listing a project's keys (Cloud serves up to 5,000 when only <c>key</c> is asked for,
    /// Data Center up to 1,000: docs/reference/jira.md §2.4).</summary>
    public int KeyListPageSize { get; init; } = 5000;

    /// <summary>Fields every issue read also asks for (custom-field rules), by id or name.</summary>
    public IReadOnlyList<string> CustomFields { get; init; } = [];

    /// <summary>Every issue read also reads the issue's remote links (the <c>references</c> field): one more request per
    /// issue read, which is why that field is opt-in.</summary>
    public bool RemoteLinks { get; init; }

    /// <summary>Every issue read also reads the issue's comments, all pages (the <c>comments</c> field): one more
    /// request per issue read and per 100 comments.</summary>
    public bool Comments { get; init; }

    /// <summary>Every issue read also asks for the issue's links (<c>issuelinks</c>, in the same answer).</summary>
    public bool IssueLinks { get; init; }

    /// <summary>Every issue read also asks for the Sprint field (milestones as sprints), found through <c>/field</c>.</summary>
    public bool Sprints { get; init; }

    /// <summary>The scrum board whose sprints milestones name; null: the project's first scrum board.</summary>
    public long? SprintBoardId { get; init; }

    public string AuthDescription => PersonalToken is not null ? "personal access token" : $"API token for {User}";

    public override string ToString() => $"{BaseUrl} ({AuthDescription})";
}
