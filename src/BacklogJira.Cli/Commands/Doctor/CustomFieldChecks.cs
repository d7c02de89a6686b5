using System.Diagnostics;
using BacklogJira.Core.CustomFields;
using BacklogJira.Core.Ports;
using BacklogJira.Jira.Errors;
using BacklogJira.Jira.Rest;
using BacklogJira.Sync.CustomFields;
using BacklogJira.Sync.State;

namespace BacklogJira.Cli.Commands.Doctor;

/// <summary>
/// doctor's check of config <c>customFields</c> (docs/field-mapping.md): every rule binds (its field exists, has a type
/// backlog-jira maps, fits its task place), the field is on the create screen of each project and issue type it is
/// used with, and every Jira value of its value map is one the field allows.
/// </summary>
internal sealed class CustomFieldChecks(IJiraClient jira, SyncConfig config)
{
    private const string Name = "custom fields";

    public async Task<CheckResult> RunAsync(CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        try { await CustomFieldBinder.BindAsync(config, jira, cancellationToken); }
        catch (SyncConfigException error)
        {
            return CheckResult.Fail(Name, error.Message, "Fix customFields in .backlog-jira/config.json; the fields this Jira has are listed by GET /rest/api/3/field.", watch.Elapsed);
        }
        if (jira is not JiraRestClient rest) return CheckResult.Ok(Name, $"{config.RuleFields.Count} rule(s) bound", watch.Elapsed);
        var problems = new List<string>();
        var issueTypes = new[] { config.IssueType }.Concat(config.IssueTypes.BacklogToJira.Values).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var project in config.JiraProjects)
        {
            foreach (var type in issueTypes)
            {
                IReadOnlyDictionary<string, IReadOnlyList<string>>? screen;
                try { screen = await rest.GetCreateScreenAsync(project, type, cancellationToken); }
                catch (JiraException error)
                {
                    problems.Add($"{project} {type}: the create screen could not be read ({error.Message})");
                    continue;
                }
                if (screen is null) continue;
                foreach (var binding in config.RuleFields.Select(BindingOf).Where(b => b.Rule.AppliesTo(project)))
                    problems.AddRange(ScreenProblems(binding, screen, $"{project} {type}"));
            }
        }
        var described = string.Join(", ", config.RuleFields.Select(f => $"{f.Name} ⇄ {BindingOf(f).Describe} in {BindingOf(f).Rule.Place}"));
        return problems.Count == 0
            ? CheckResult.Ok(Name, described, watch.Elapsed)
            : CheckResult.Warn(Name, string.Join("; ", problems.Distinct()),
                "Add the field to the project's screens in Jira (Project settings → Screens), limit the rule with \"projects\", or fix its \"values\"; until then its values wait, and other fields still sync.");
    }

    private static CustomFieldBinding BindingOf(BacklogJira.Sync.Fields.ISyncField field) => ((IRuleField)field).Binding;

    private static IEnumerable<string> ScreenProblems(CustomFieldBinding binding, IReadOnlyDictionary<string, IReadOnlyList<string>> screen, string where)
    {
        if (!screen.TryGetValue(binding.Field.Id, out var allowed))
        {
            yield return $"{binding.Field.Name} ({binding.Field.Id}) is not on the create screen of {where}";
            yield break;
        }
        if (allowed.Count == 0 || binding.Kind.IsUsers()) yield break;
        foreach (var value in binding.Rule.Values.Values.Where(v => !allowed.Contains(v, StringComparer.OrdinalIgnoreCase)))
            yield return $"rule {binding.Rule.Name} maps to \"{value}\", which {binding.Field.Name} does not allow in {where} (it allows {string.Join(", ", allowed)})";
    }
}
