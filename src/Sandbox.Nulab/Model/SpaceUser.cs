namespace Sandbox.Nulab.Model;

/// <summary>A member of the space. <see cref="UserId"/> is null for some guest accounts, as on real Backlog.</summary>
public sealed record SpaceUser(int Id, string? UserId, string Name, int RoleType, string? Lang, string? MailAddress);
