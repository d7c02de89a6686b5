using BacklogJira.Operations;
using BacklogJira.Web.Live;
using BacklogJira.Web.Security;

namespace BacklogJira.Web;

/// <summary>What the UI's pages work with: the operations (allowed to write: the UI is its user's own, on their
/// machine, behind the session token), the session, the change feed, and the redaction of the run's secrets.</summary>
public sealed class UiContext(Workspace workspace, UiSession session, ChangeFeed feed, Func<string, string> redact)
{
    public Workspace Workspace { get; } = workspace;
    public PairOperations Pairs { get; } = new(workspace, canWrite: true);
    public IssueOperations Issues { get; } = new(workspace, canWrite: true);
    public UiSession Session { get; } = session;
    public ChangeFeed Feed { get; } = feed;
    public string ProjectName { get; } = workspace.Store.Project.RootPath;

    public string Redact(string text) => redact(text);
}
