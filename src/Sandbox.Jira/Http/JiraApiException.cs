namespace Sandbox.Jira.Http;

/// <summary>An answer Jira gives as an <c>ErrorCollection</c> body with a status code.</summary>
public sealed class JiraApiException(int status, IReadOnlyList<string> errorMessages, IReadOnlyDictionary<string, string>? errors = null)
    : Exception(string.Join(" ", errorMessages.Concat(errors?.Values ?? [])))
{
    public int Status { get; } = status;
    public IReadOnlyList<string> ErrorMessages { get; } = errorMessages;
    public IReadOnlyDictionary<string, string> Errors { get; } = errors ?? new Dictionary<string, string>();

    public static JiraApiException BadRequest(string message) => new(400, [message]);

    public static JiraApiException Field(string field, string message) => new(400, [], new Dictionary<string, string> { [field] = message });

    public static JiraApiException IssueNotFound() => new(404, ["Issue does not exist or you do not have permission to see it."]);
}
