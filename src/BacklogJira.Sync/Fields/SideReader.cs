using System.Collections.Immutable;
using BacklogJira.Core.Fields;

namespace BacklogJira.Sync.Fields;

/// <summary>Both sides of a pair read through every descriptor. A field the config does not sync is held by neither
/// side: never compared, written or agreed, and its last agreed value is kept for the day it is turned back on.</summary>
public static class SideReader
{
    public static SideValues Read(TaskReading reading) =>
        new(reading.Config.Fields.ToImmutableDictionary(f => f.Name, f => reading.Config.Syncs(f) ? f.ReadTask(reading) : Off(f)));

    public static SideValues Read(IssueReading reading) =>
        new(reading.Config.Fields.ToImmutableDictionary(f => f.Name, f => reading.Config.Syncs(f) ? f.ReadIssue(reading) : Off(f)));

    private static SideValue Off(ISyncField field) => SideValue.Missing($"not synced (config sync.fields.{field.Name} is false)");
}
