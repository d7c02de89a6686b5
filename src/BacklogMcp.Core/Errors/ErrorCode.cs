namespace BacklogMcp.Core.Errors;

/// <summary>The reference server's error codes (docs/reference/nulab-backlog.md §1.4); each tool error starts with <c>[CODE]</c>.</summary>
public enum ErrorCode
{
    ConfigError,
    BacklogHttpError,
    BacklogResponseError,
    InvalidInput,
}

public static class ErrorCodeText
{
    public static string Of(ErrorCode code) => code switch
    {
        ErrorCode.ConfigError => "CONFIG_ERROR",
        ErrorCode.BacklogHttpError => "BACKLOG_HTTP_ERROR",
        ErrorCode.BacklogResponseError => "BACKLOG_RESPONSE_ERROR",
        _ => "INVALID_INPUT",
    };
}
