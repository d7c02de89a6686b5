namespace BacklogMcp.Core.Tools;

/// <summary>The tools the server offers: the reference's twelve reads and twenty-seven of Nulab's server's (plus one for child issues), and the twenty-seven writes when enabled, of the
/// toolsets chosen (all when none are named).</summary>
public static class ToolCatalog
{
    public static IReadOnlyList<NulabTool> Create(bool writesEnabled, IReadOnlySet<string>? toolsets = null)
    {
        List<NulabTool> tools =
        [
            new GetIssueListTool(), new GetIssueTool(), new GetCommentsTool(), new GetStatusesTool(), new GetPrioritiesTool(), new GetCategoriesTool(),
            new GetMilestonesTool(), new GetProjectsTool(), new GetUsersTool(), new GetAttachmentsTool(), new DownloadAttachmentTool(), new ExportIssueContextTool(),
            new GetSpaceTool(), new GetMyselfTool(), new GetIssueTypesTool(), new GetResolutionsTool(), new GetCustomFieldsTool(),
            new GetProjectTool(), new CountIssuesTool(), new GetWikiPagesTool(), new GetWikisCountTool(), new GetWikiTool(),
            new GetGitRepositoriesTool(), new GetGitRepositoryTool(), new GetPullRequestsTool(), new GetPullRequestsCountTool(), new GetPullRequestTool(), new GetPullRequestCommentsTool(),
            new GetNotificationsTool(), new CountNotificationsTool(), new GetWatchingListItemsTool(), new GetWatchingListCountTool(),
            new GetDocumentsTool(), new GetDocumentTreeTool(), new GetDocumentTool(), new GetChildIssuesTool(), new GetRelatedIssuesTool(),
            new GetSpaceActivitiesTool(), new GetUserRecentUpdatesTool(), new GetUserStarsCountTool(),
        ];
        if (writesEnabled)
        {
            tools.AddRange([new AddIssueTool(), new UpdateIssueTool(), new AddCommentTool(), new UpdateIssueCommentTool(), new DeleteIssueCommentTool(),
                new AddWikiTool(), new UpdateWikiTool(), new AddPullRequestCommentTool(), new AddWatchingTool(), new DeleteWatchingTool(),
                new UpdateWatchingTool(), new MarkWatchingAsReadTool(), new MarkNotificationAsReadTool(), new ResetUnreadNotificationCountTool(),
                new AddPullRequestTool(), new UpdatePullRequestTool(), new UpdatePullRequestCommentTool(), new AddRelatedIssueTool(), new RemoveRelatedIssueTool(),
                new AddVersionMilestoneTool(), new UpdateVersionMilestoneTool(), new DeleteVersionTool(), new DeleteIssueTool(),
                new AddProjectTool(), new UpdateProjectTool(), new DeleteProjectTool(), new AddDocumentTool()]);
        }
        return toolsets is null ? tools : [.. tools.Where(t => toolsets.Contains(t.Toolset))];
    }
}
