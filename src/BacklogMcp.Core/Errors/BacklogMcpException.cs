namespace BacklogMcp.Core.Errors;

/// <summary>A failure a tool reports to its caller as <c>[CODE] message</c>, with what to do about it.</summary>
public class BacklogMcpException(ErrorCode code, string message, Exception? inner = null) : Exception(message, inner)
{
    public ErrorCode Code { get; } = code;

    public string ToolText => $"[{ErrorCodeText.Of(Code)}] {Message}";

    public static BacklogMcpException InvalidInput(string message) => new(ErrorCode.InvalidInput, message);
}

/// <summary>Backlog answered with an error status; <see cref="BacklogCode"/> and <see cref="BacklogMessage"/> are from its
/// <c>{"errors":[…]}</c> body when it had one.</summary>
public sealed class NulabHttpException(int status, int? backlogCode, string? backlogMessage, string message)
    : BacklogMcpException(ErrorCode.BacklogHttpError, message)
{
    public int Status { get; } = status;

    public int? BacklogCode { get; } = backlogCode;

    public string? BacklogMessage { get; } = backlogMessage;
}
