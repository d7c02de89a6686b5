using System.Collections.Immutable;
using BacklogJira.Core.Fields;

namespace BacklogJira.Sync.Fields;

/// <summary>Both sides of a pair read through every descriptor.</summary>
public static class SideReader
{
    public static SideValues Read(TaskReading reading) =>
        new(SyncFieldCatalog.All.ToImmutableDictionary(f => f.Name, f => f.ReadTask(reading)));

    public static SideValues Read(IssueReading reading) =>
        new(SyncFieldCatalog.All.ToImmutableDictionary(f => f.Name, f => f.ReadIssue(reading)));
}
