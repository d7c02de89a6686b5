using System.Net;
using BacklogJira.Core.Ports;

namespace BacklogJira.Jira.Errors;

/// <summary>A Jira failure with a message that says what happened and what to do. Never carries a secret.</summary>
public class JiraException(string message, HttpStatusCode? status = null, Exception? inner = null) : Exception(message, inner)
{
    public HttpStatusCode? Status { get; } = status;
}

public sealed class JiraConfigurationException(string message) : JiraException(message);

public sealed class JiraAuthenticationException(string message) : JiraException(message, HttpStatusCode.Unauthorized);

public sealed class JiraPermissionException(string message) : JiraException(message, HttpStatusCode.Forbidden);

public sealed class JiraNotFoundException(string message) : JiraException(message, HttpStatusCode.NotFound);

public sealed class JiraApiRemovedException(string message) : JiraException(message, HttpStatusCode.Gone);

/// <summary>Jira answered with an HTML page: a proxy, an SSO login or a wrong URL.</summary>
public sealed class JiraUnexpectedHtmlException(string message, HttpStatusCode status) : JiraException(message, status);

/// <summary>400 with Jira's error collection; <see cref="FieldErrors"/> names the fields.</summary>
public class JiraRequestRejectedException(string message, IReadOnlyList<string> errorMessages, IReadOnlyDictionary<string, string> fieldErrors)
    : JiraException(message, HttpStatusCode.BadRequest)
{
    public IReadOnlyList<string> ErrorMessages { get; } = errorMessages;
    public IReadOnlyDictionary<string, string> FieldErrors { get; } = fieldErrors;

    /// <summary>Runs a request Jira may refuse: null when applied, else the refusal (other failures throw).</summary>
    public static async Task<JiraRefusal?> RefusalOfAsync(Func<Task> request)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            await request();
            return null;
        }
        catch (JiraRequestRejectedException refused)
        {
            return new JiraRefusal(refused.Message, [.. refused.FieldErrors.Keys]);
        }
    }
}

public sealed class JiraFieldNotOnScreenException(string message, string field, IReadOnlyList<string> errorMessages, IReadOnlyDictionary<string, string> fieldErrors)
    : JiraRequestRejectedException(message, errorMessages, fieldErrors)
{
    public string Field { get; } = field;
}

public sealed class JiraInvalidTransitionException(string message, IReadOnlyList<string> errorMessages, IReadOnlyDictionary<string, string> fieldErrors)
    : JiraRequestRejectedException(message, errorMessages, fieldErrors);

public sealed class JiraRateLimitedException(string message) : JiraException(message, HttpStatusCode.TooManyRequests);

public sealed class JiraUnavailableException(string message, HttpStatusCode? status, Exception? inner = null) : JiraException(message, status, inner);
