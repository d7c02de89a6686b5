namespace Sandbox.Nulab.Http;

/// <summary>An answer in Nulab's error shape: <c>{"errors":[{"message","code","moreInfo"}]}</c> with Backlog's numeric
/// code (6 no resource, 7 invalid request, 11 authentication, 13 too many requests, …).</summary>
public sealed class NulabApiException(int status, int code, string message, string moreInfo = "") : Exception(message)
{
    public int Status { get; } = status;

    public int Code { get; } = code;

    public string MoreInfo { get; } = moreInfo;

    public static NulabApiException NotFound(string message) => new(404, 6, message);

    public static NulabApiException Invalid(string message, string moreInfo = "") => new(400, 7, message, moreInfo);

    public static NulabApiException Unauthorized() => new(401, 11, "Authentication failure.");

    public static NulabApiException TooManyRequests() => new(429, 13, "Too many requests. Please wait until the rate limit resets.");

    /// <summary>The usual code for an HTTP status, for injected failures.</summary>
    public static int CodeFor(int status) => status switch
    {
        400 => 7,
        401 => 11,
        403 => 5,
        404 => 6,
        429 => 13,
        _ => 1,
    };
}
