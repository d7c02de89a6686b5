using BacklogJira.BacklogMd.Discovery;
using BacklogJira.BacklogMd.Parsing;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace BacklogJira.BacklogMd.Milestones;

/// <summary>
/// The project's milestones (docs/reference/backlog-md.md §1.2: <c>milestones/m-*.md</c>, archived ones under
/// <c>archive/milestones/</c>). A task's <c>milestone</c> holds a milestone id when <c>-m</c> resolved one, else the
/// text given; <see cref="Title"/> and <see cref="IdFor"/> translate between them. An unreadable file is left out.
/// </summary>
public sealed class MilestoneCatalog
{
    private readonly IReadOnlyList<BacklogMilestone> _milestones;

    private MilestoneCatalog(IReadOnlyList<BacklogMilestone> milestones) => _milestones = milestones;

    public static MilestoneCatalog Empty { get; } = new([]);

    public IReadOnlyList<BacklogMilestone> All => _milestones;

    /// <summary>Where milestone files live: active, then archived.</summary>
    public static string[] Folders(BacklogMdProject project)
    {
        ArgumentNullException.ThrowIfNull(project);
        return [Path.Combine(project.BacklogPath, "milestones"), Path.Combine(project.BacklogPath, "archive", "milestones")];
    }

    public static MilestoneCatalog Load(BacklogMdProject project)
    {
        var found = new List<BacklogMilestone>();
        foreach (var (folder, archived) in Folders(project).Select((f, i) => (f, i == 1)))
        {
            if (!Directory.Exists(folder)) continue;
            foreach (var file in Directory.EnumerateFiles(folder, "m-*.md").Order(StringComparer.Ordinal))
            {
                if (Read(file, archived) is { } milestone) found.Add(milestone);
            }
        }
        return new MilestoneCatalog(found);
    }

    /// <summary>The title of the milestone a task's value names (by id, case-insensitively), else the value itself.</summary>
    public string Title(string value) =>
        _milestones.FirstOrDefault(m => string.Equals(m.Id, value.Trim(), StringComparison.OrdinalIgnoreCase))?.Title ?? value.Trim();

    /// <summary>The id of the active milestone titled <paramref name="title"/> (an archived one when no active one is),
    /// else null.</summary>
    public string? IdFor(string title) =>
        _milestones.Where(m => string.Equals(m.Title, title.Trim(), StringComparison.OrdinalIgnoreCase)).OrderBy(m => m.Archived).FirstOrDefault()?.Id;

    private static BacklogMilestone? Read(string file, bool archived)
    {
        try
        {
            var cut = TaskFileDocument.Cut(File.ReadAllText(file));
            if (cut.Document is not { } document) return null;
            var mapping = TaskFileParser.LoadMapping(string.Join('\n', document.Frontmatter.Select(l => l.Text)));
            string? Value(string key) => mapping.Children.FirstOrDefault(p => (p.Key as YamlScalarNode)?.Value == key).Value is { } node
                ? TaskFileParser.ScalarValue(node) switch { null => null, string text => text, var other => JsYamlScalar.ToJsString(other) }
                : null;
            var id = Value("id");
            var title = Value("title");
            return string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(title) ? null : new BacklogMilestone(id.Trim(), title.Trim(), archived);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or YamlException or TaskFileParser.FrontmatterShapeException)
        {
            return null;
        }
    }
}
