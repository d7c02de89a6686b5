using System.Globalization;
using System.Text.RegularExpressions;
using Sandbox.Jira.Model;
using Sandbox.Jira.State;

namespace Sandbox.Jira.Jql;

/// <summary>Turns a parsed query into a filter and an order over sandbox issues, with Jira's semantics and errors
/// (docs/reference/jira.md §4.2): negative operators never match empty fields, dates are minute-precise in the user's
/// time zone, unknown values are errors even inside an OR.</summary>
public sealed partial class JqlEvaluator(SandboxData data, SandboxUser currentUser, TimeZoneInfo zone, DateTimeOffset now, bool isCloud)
{
    public Func<SandboxIssue, bool> Filter(JqlExpression? expression) => expression switch
    {
        null => _ => true,
        JqlOr or => Combine(or.Terms, any: true),
        JqlAnd and => Combine(and.Terms, any: false),
        JqlNot not => Negate(Filter(not.Term)),
        JqlClause clause => Clause(clause),
        _ => throw new JqlException("Unsupported JQL."),
    };

    private Func<SandboxIssue, bool> Combine(IReadOnlyList<JqlExpression> terms, bool any)
    {
        var filters = terms.Select(Filter).ToList();
        return any ? issue => filters.Any(f => f(issue)) : issue => filters.All(f => f(issue));
    }

    private static Func<SandboxIssue, bool> Negate(Func<SandboxIssue, bool> filter) => issue => !filter(issue);

    private Func<SandboxIssue, bool> Clause(JqlClause clause)
    {
        var field = clause.Field.ToLowerInvariant();
        return field switch
        {
            "project" => Match(clause, ProjectValues(clause), i => [i.ProjectKey]),
            "key" or "issuekey" or "issue" => KeyClause(clause),
            "id" => Match(clause, clause.Values.Select(v => v.Text).ToList(), i => [i.Id]),
            "status" => Match(clause, StatusValues(clause), i => [i.StatusId]),
            "statuscategory" => Match(clause, CategoryValues(clause), i => [CategoryOf(i)]),
            "labels" => Match(clause, clause.Values.Select(v => v.Text).ToList(), i => i.Labels),
            "assignee" => Match(clause, UserValues(clause, "assignee"), i => i.AssigneeId is null ? [] : [i.AssigneeId]),
            "reporter" => Match(clause, UserValues(clause, "reporter"), i => i.ReporterId is null ? [] : [i.ReporterId]),
            "priority" => Match(clause, PriorityValues(clause), i => i.PriorityId is null ? [] : [i.PriorityId]),
            "issuetype" or "type" => Match(clause, TypeValues(clause), i => [i.IssueTypeId]),
            "resolution" => ResolutionClause(clause),
            "parent" => Match(clause, clause.Values.Select(v => v.Text).ToList(), i => i.ParentKey is null ? [] : [i.ParentKey]),
            "updated" or "updateddate" => DateClause(clause, i => i.Updated),
            "created" or "createddate" => DateClause(clause, i => i.Created),
            "resolved" or "resolutiondate" => DateClause(clause, i => i.ResolutionDate),
            "summary" => TextClause(clause, i => i.Summary),
            "text" or "description" => TextClause(clause, i => i.Summary + " " + RichTextPlain(i)),
            "sprint" => Match(clause, SprintValues(clause), i => [.. SprintMembership.Of(i).Select(id => id.ToString(CultureInfo.InvariantCulture))]),
            _ when CustomFieldCatalog.ByClause(clause.Field) is { } custom => CustomClause(clause, custom),
            _ => throw new JqlException($"Field '{clause.Field}' does not exist or you do not have permission to view it."),
        };
    }

    /// <summary>A custom field by <c>cf[id]</c> or name (docs/reference/jira.md §7): text fields take <c>~</c>; numbers and
    /// dates compare; option fields check that each value is one of their options, as Jira does.</summary>
    private Func<SandboxIssue, bool> CustomClause(JqlClause clause, CustomField field)
    {
        IReadOnlyList<string> Texts(SandboxIssue issue) => CustomFieldValues.SearchTexts(field, issue.CustomFields.GetValueOrDefault(field.Id), data,
            SandboxState.FindProject(data, issue.ProjectKey)!, isCloud);
        var kind = field.Items ?? field.Type;
        if (field.Type == "string" && clause.Operator is "~" or "!~") return TextClause(clause, i => string.Join(" ", Texts(i)));
        if (clause.Operator is ">" or ">=" or "<" or "<=")
        {
            if (field.Type == "number" && double.TryParse(clause.Values[0].Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var bound))
                return i => Texts(i).Any(t => Compare(double.Parse(t, CultureInfo.InvariantCulture).CompareTo(bound), clause.Operator));
            if (field.Type is "date" or "datetime")
            {
                var instant = DateValue(clause.Values[0], clause.Field);
                return i => Texts(i).Any(t => Compare(DateTimeOffset.Parse(t, CultureInfo.InvariantCulture).CompareTo(instant), clause.Operator));
            }
            throw new JqlException($"The operator '{clause.Operator}' is not supported by the '{clause.Field}' field.");
        }
        if (kind is "option" or "option-with-child" && clause.Operator is not ("IS" or "IS NOT"))
        {
            var known = field.Options.SelectMany(o => o.Children.Prepend(o)).SelectMany(o => new[] { o.Value, o.Id }).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var value in clause.Values.Where(v => !known.Contains(v.Text)))
                throw new JqlException($"The option '{value.Text}' for field '{field.Name}' does not exist.");
        }
        var wanted = field.Type == "number"
            ? [.. clause.Values.Select(v => double.TryParse(v.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n.ToString(CultureInfo.InvariantCulture) : v.Text)]
            : clause.Values.Select(v => v.Text).ToList();
        return Match(clause, wanted, Texts);
    }

    /// <summary><c>resolution</c> by name or id; <c>Unresolved</c> stands for no resolution (the idiom for open
    /// issues), so <c>resolution = Unresolved</c> is <c>resolution IS EMPTY</c>. An unknown name is Jira's 400.</summary>
    private static Func<SandboxIssue, bool> ResolutionClause(JqlClause clause)
    {
        if (clause.Operator is "IS" or "IS NOT") return Match(clause, [], i => i.ResolutionId is null ? [] : [i.ResolutionId]);
        var wanted = clause.Values.Select(v => v.Text.Equals("Unresolved", StringComparison.OrdinalIgnoreCase) ? "" : Resolution.Find(v.Text)?.Id
            ?? throw new JqlException($"The value '{v.Text}' does not exist for the field 'resolution'.")).ToHashSet(StringComparer.Ordinal);
        bool Holds(SandboxIssue issue) => wanted.Contains(issue.ResolutionId ?? "");
        return clause.Operator switch
        {
            "=" or "IN" => Holds,
            "!=" or "NOT IN" => issue => !Holds(issue),
            _ => throw new JqlException($"The operator '{clause.Operator}' is not supported by the 'resolution' field."),
        };
    }

    private string RichTextPlain(SandboxIssue issue) => Http.RichText.PlainText(issue.Description, isCloud);

    private static Func<SandboxIssue, bool> Match(JqlClause clause, IReadOnlyList<string> wanted, Func<SandboxIssue, IReadOnlyList<string>> actual)
    {
        var wantedSet = wanted.ToHashSet(StringComparer.OrdinalIgnoreCase);
        bool Contains(SandboxIssue i) => actual(i).Any(wantedSet.Contains);
        return clause.Operator switch
        {
            "=" or "IN" => Contains,
            "!=" or "NOT IN" => i => actual(i).Count > 0 && !Contains(i),
            "IS" => i => actual(i).Count == 0,
            "IS NOT" => i => actual(i).Count > 0,
            _ => throw new JqlException($"The operator '{clause.Operator}' is not supported by the '{clause.Field}' field."),
        };
    }

    /// <summary>Sprints by id or name, and Jira Software's <c>openSprints()</c> and <c>closedSprints()</c> (docs/reference/jira.md §11).</summary>
    private List<string> SprintValues(JqlClause clause)
    {
        IEnumerable<Model.SandboxSprint> Named(JqlValue value)
        {
            if (!value.IsFunction)
            {
                var named = data.Sprints.Where(s => s.Id.ToString(CultureInfo.InvariantCulture) == value.Text || s.Name.Equals(value.Text, StringComparison.OrdinalIgnoreCase)).ToList();
                return named.Count > 0 ? named : throw new JqlException($"Sprint with name '{value.Text}' does not exist or you do not have permission to view it.");
            }
            return value.Text.ToLowerInvariant() switch
            {
                "opensprints" => data.Sprints.Where(s => s.IsOpen),
                "closedsprints" => data.Sprints.Where(s => !s.IsOpen),
                _ => throw new JqlException($"Unable to find JQL function '{value.Text}({value.Arguments})'."),
            };
        }
        return [.. clause.Values.SelectMany(Named).Select(s => s.Id.ToString(CultureInfo.InvariantCulture))];
    }

    private List<string> ProjectValues(JqlClause clause) =>
        [.. clause.Values.Select(v => SandboxState.FindProject(data, v.Text)?.Key
            ?? throw new JqlException($"The value '{v.Text}' does not exist for the field 'project'."))];

    private List<string> StatusValues(JqlClause clause)
    {
        var statuses = data.Projects.SelectMany(p => p.AllStatuses).ToList();
        return [.. clause.Values.Select(v => statuses.FirstOrDefault(s => s.Id == v.Text || s.Name.Equals(v.Text, StringComparison.OrdinalIgnoreCase))?.Id
            ?? throw new JqlException($"The value '{v.Text}' does not exist for the field 'status'."))];
    }

    private static List<string> CategoryValues(JqlClause clause) =>
        [.. clause.Values.Select(v => StatusCategory.All.FirstOrDefault(c => c.Key.Equals(v.Text, StringComparison.OrdinalIgnoreCase)
                || c.Name.Equals(v.Text, StringComparison.OrdinalIgnoreCase) || c.Id.ToString(CultureInfo.InvariantCulture) == v.Text)?.Key
            ?? throw new JqlException($"The value '{v.Text}' does not exist for the field 'statusCategory'."))];

    private string CategoryOf(SandboxIssue issue) =>
        SandboxState.FindProject(data, issue.ProjectKey)!.WorkflowFor(issue.IssueTypeId).Status(issue.StatusId).CategoryKey;

    private List<string> UserValues(JqlClause clause, string field) =>
        [.. clause.Values.Select(v =>
        {
            if (v.IsFunction && v.Text.Equals("currentUser", StringComparison.OrdinalIgnoreCase)) return currentUser.Key;
            var user = data.Users.FirstOrDefault(u => isCloud ? u.AccountId == v.Text : u.Name.Equals(v.Text, StringComparison.OrdinalIgnoreCase) || u.Key == v.Text);
            return user?.Key ?? throw new JqlException($"The value '{v.Text}' does not exist for the field '{field}'.");
        })];

    private static List<string> PriorityValues(JqlClause clause) =>
        [.. clause.Values.Select(v => SandboxProject.Priorities.FirstOrDefault(p => p.Id == v.Text || p.Name.Equals(v.Text, StringComparison.OrdinalIgnoreCase))?.Id
            ?? throw new JqlException($"The value '{v.Text}' does not exist for the field 'priority'."))];

    private static List<string> TypeValues(JqlClause clause) =>
        [.. clause.Values.Select(v => SandboxProject.IssueTypes.FirstOrDefault(t => t.Id == v.Text || t.Name.Equals(v.Text, StringComparison.OrdinalIgnoreCase))?.Id
            ?? throw new JqlException($"The value '{v.Text}' does not exist for the field 'issuetype'."))];

    private Func<SandboxIssue, bool> KeyClause(JqlClause clause)
    {
        var keys = new List<string>();
        var byKey = KeyIndex();
        foreach (var value in clause.Values)
        {
            if (!IssueKeyPattern().IsMatch(value.Text))
                throw new JqlException($"The issue key '{value.Text}' for field '{clause.Field}' is invalid.");
            // One missing key fails the whole query, as on Jira (docs/reference/jira.md §4.2).
            var issue = byKey.GetValueOrDefault(value.Text)
                ?? throw new JqlException($"An issue with key '{value.Text}' does not exist for field '{clause.Field}'.");
            keys.Add(issue.Id);
        }
        if (clause.Operator is ">" or ">=" or "<" or "<=")
        {
            var reference = SandboxState.TryFindIssue(data, clause.Values[0].Text)!;
            var number = KeyNumber(reference.Key);
            return i => i.ProjectKey == reference.ProjectKey && Compare(KeyNumber(i.Key).CompareTo(number), clause.Operator);
        }
        return Match(clause, keys, i => [i.Id]);
    }

    /// <summary>Issues by key and former key, built once per query: a <c>key in</c> of 500 keys over 10,000 issues
    /// would otherwise scan the issues once per key.</summary>
    private Dictionary<string, SandboxIssue> KeyIndex()
    {
        if (_keyIndex is not null) return _keyIndex;
        var index = new Dictionary<string, SandboxIssue>(StringComparer.OrdinalIgnoreCase);
        foreach (var issue in data.Issues)
        {
            foreach (var former in issue.FormerKeys) index.TryAdd(former, issue);
        }
        foreach (var issue in data.Issues) index[issue.Key] = issue;
        return _keyIndex = index;
    }

    private Dictionary<string, SandboxIssue>? _keyIndex;

    private Func<SandboxIssue, bool> DateClause(JqlClause clause, Func<SandboxIssue, DateTimeOffset?> value)
    {
        if (clause.Operator is "IS" or "IS NOT") return Match(clause, [], i => value(i) is null ? [] : ["set"]);
        if (clause.Operator is "IN" or "NOT IN" or "~" or "!~")
            throw new JqlException($"The operator '{clause.Operator}' is not supported by the '{clause.Field}' field.");
        var instant = DateValue(clause.Values[0], clause.Field);
        return i => value(i) is { } actual && Compare(actual.CompareTo(instant), clause.Operator);
    }

    private static bool Compare(int comparison, string op) => op switch
    {
        "=" => comparison == 0,
        "!=" => comparison != 0,
        ">" => comparison > 0,
        ">=" => comparison >= 0,
        "<" => comparison < 0,
        "<=" => comparison <= 0,
        _ => false,
    };

    /// <summary>Jira's date literals: minute precision, in the searching user's time zone; epoch milliseconds; periods.</summary>
    internal DateTimeOffset DateValue(JqlValue value, string field)
    {
        var text = value.Text.Trim();
        if (value.IsFunction)
        {
            var local = TimeZoneInfo.ConvertTime(now, zone);
            return text.ToLowerInvariant() switch
            {
                "now" => now,
                "startofday" => FromLocal(local.Date),
                "endofday" => FromLocal(local.Date.AddDays(1).AddMinutes(-1)),
                _ => throw new JqlException($"Unable to find JQL function '{text}({value.Arguments})'."),
            };
        }
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var epochMs))
            return DateTimeOffset.FromUnixTimeMilliseconds(epochMs);
        string[] formats = ["yyyy-MM-dd HH:mm", "yyyy/MM/dd HH:mm", "yyyy-MM-dd", "yyyy/MM/dd"];
        if (DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            return FromLocal(parsed);
        var period = PeriodPattern().Match(text);
        if (period.Success && text.Length > 0)
        {
            var total = TimeSpan.Zero;
            foreach (Capture part in period.Groups["part"].Captures)
            {
                var amount = int.Parse(part.Value[..^1], CultureInfo.InvariantCulture);
                total += part.Value[^1] switch
                {
                    'w' => TimeSpan.FromDays(7 * amount),
                    'd' => TimeSpan.FromDays(amount),
                    'h' => TimeSpan.FromHours(amount),
                    _ => TimeSpan.FromMinutes(amount),
                };
            }
            return period.Groups["sign"].Value == "-" ? now - total : now + total;
        }
        throw new JqlException($"Date value '{text}' for field '{field}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.");
    }

    private DateTimeOffset FromLocal(DateTime local) =>
        new(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone.GetUtcOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified)));

    private static Func<SandboxIssue, bool> TextClause(JqlClause clause, Func<SandboxIssue, string> text)
    {
        if (clause.Operator is not ("~" or "!~"))
            throw new JqlException($"The operator '{clause.Operator}' is not supported by the '{clause.Field}' field.");
        var tokens = Tokens(clause.Values[0].Text);
        bool Matches(SandboxIssue i)
        {
            var words = Tokens(text(i));
            return tokens.All(t => words.Any(w => w.StartsWith(t, StringComparison.OrdinalIgnoreCase)));
        }
        return clause.Operator == "~" ? Matches : i => !Matches(i);
    }

    private static List<string> Tokens(string text) =>
        [.. WordPattern().Matches(text).Select(m => m.Value.ToLowerInvariant())];

    /// <summary>Sorts by the ORDER BY keys (each key computed once per issue), with the issue id as the final tie-breaker;
    /// no ORDER BY means newest key first.</summary>
    public static List<SandboxIssue> Sort(IEnumerable<SandboxIssue> issues, IReadOnlyList<JqlSort> sorts)
    {
        var keys = sorts.Count == 0 ? [new JqlSort("key", true)] : sorts;
        IOrderedEnumerable<SandboxIssue>? ordered = null;
        foreach (var sort in keys)
        {
            var field = sort.Field.ToLowerInvariant();
            if (field is "key" or "issuekey")
            {
                ordered = Then(ordered, issues, i => i.ProjectKey, sort.Descending, StringComparer.Ordinal);
                ordered = Then(ordered, issues, i => KeyNumber(i.Key), sort.Descending, Comparer<int>.Default);
                continue;
            }
            ordered = field switch
            {
                "id" => Then(ordered, issues, i => long.Parse(i.Id, CultureInfo.InvariantCulture), sort.Descending, Comparer<long>.Default),
                "updated" or "updateddate" => Then(ordered, issues, i => i.Updated, sort.Descending, Comparer<DateTimeOffset>.Default),
                "created" or "createddate" => Then(ordered, issues, i => i.Created, sort.Descending, Comparer<DateTimeOffset>.Default),
                "priority" => Then(ordered, issues, i => i.PriorityId ?? "", sort.Descending, StringComparer.Ordinal),
                "status" => Then(ordered, issues, i => i.StatusId, sort.Descending, StringComparer.Ordinal),
                "summary" => Then(ordered, issues, i => i.Summary, sort.Descending, StringComparer.OrdinalIgnoreCase),
                _ => throw new JqlException($"Field '{sort.Field}' does not exist or you do not have permission to view it."),
            };
        }
        return [.. Then(ordered, issues, i => long.Parse(i.Id, CultureInfo.InvariantCulture), false, Comparer<long>.Default)];
    }

    private static IOrderedEnumerable<SandboxIssue> Then<TKey>(IOrderedEnumerable<SandboxIssue>? ordered, IEnumerable<SandboxIssue> source,
        Func<SandboxIssue, TKey> key, bool descending, IComparer<TKey> comparer) =>
        ordered is null
            ? descending ? source.OrderByDescending(key, comparer) : source.OrderBy(key, comparer)
            : descending ? ordered.ThenByDescending(key, comparer) : ordered.ThenBy(key, comparer);

    private static int KeyNumber(string key) => int.Parse(key[(key.LastIndexOf('-') + 1)..], CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]*-\d+$")]
    private static partial Regex IssueKeyPattern();

    [GeneratedRegex(@"^(?<sign>[-+]?)(?:(?<part>\d+[wdhm])\s*)+$")]
    private static partial Regex PeriodPattern();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();
}
