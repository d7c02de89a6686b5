namespace BacklogJira.Sync.State;

/// <summary>config.json is missing, unreadable or invalid; the message names the key and the fix.</summary>
public sealed class SyncConfigException(string message) : Exception(message);
