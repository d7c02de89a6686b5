namespace BacklogJira.Serve.Webhooks;

/// <summary>
/// The <c>X-Atlassian-Webhook-Identifier</c>s already accepted: Jira sends the same identifier when it retries a
/// delivery, so a retry is answered 200 and not queued twice. Bounded (oldest forgotten first); after a restart a
/// retried delivery is queued again, which costs one sync of a pair and writes nothing.
/// </summary>
public sealed class DeliveryIds(int capacity = 10_000)
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly Lock _gate = new();

    /// <summary>True the first time an identifier is seen.</summary>
    public bool TryAdd(string identifier)
    {
        lock (_gate)
        {
            if (!_seen.Add(identifier)) return false;
            _order.Enqueue(identifier);
            if (_order.Count > capacity) _seen.Remove(_order.Dequeue());
            return true;
        }
    }

    /// <summary>Forgets one, when queuing its delivery failed: Jira's retry must then be taken.</summary>
    public void Forget(string identifier)
    {
        lock (_gate) _seen.Remove(identifier);
    }
}
