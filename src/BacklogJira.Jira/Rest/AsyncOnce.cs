namespace BacklogJira.Jira.Rest;

/// <summary>A value fetched once per client and shared by concurrent callers; a failed or cancelled fetch is
/// started again by the next caller.</summary>
internal sealed class AsyncOnce<T>(Func<CancellationToken, Task<T>> fetch)
{
    private Task<T>? _task;

    public Task<T> GetAsync(CancellationToken cancellationToken)
    {
        var task = Volatile.Read(ref _task);
        if (task is null || task.IsFaulted || task.IsCanceled)
        {
            var fresh = fetch(cancellationToken);
            task = Interlocked.CompareExchange(ref _task, fresh, task) == task ? fresh : Volatile.Read(ref _task)!;
        }
        return task.WaitAsync(cancellationToken);
    }

    /// <summary>The value when it has been fetched, else default (nothing is started).</summary>
    public T? TryGetCompleted() => Volatile.Read(ref _task) is { IsCompletedSuccessfully: true } task ? task.Result : default;
}
