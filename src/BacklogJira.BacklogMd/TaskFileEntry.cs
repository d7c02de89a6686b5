using BacklogJira.BacklogMd.Ids;
using BacklogJira.BacklogMd.Model;

namespace BacklogJira.BacklogMd;

/// <summary>A task file as the directory lists it, without reading it: where it is, its size and last write (to tell
/// an unchanged file without parsing it), and the id its name carries.</summary>
public sealed record TaskFileEntry(TaskFolder Folder, string Path, long Length, long LastWriteTicks, TaskId? IdFromName);
