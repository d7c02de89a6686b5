namespace BacklogJira.BacklogMd;

/// <summary>An id-based command cannot proceed: the id is unknown or ambiguous. The message says what to do.</summary>
public sealed class TaskLookupException : Exception
{
    public TaskLookupException(string message) : base(message)
    {
    }

    public TaskLookupException()
    {
    }

    public TaskLookupException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
