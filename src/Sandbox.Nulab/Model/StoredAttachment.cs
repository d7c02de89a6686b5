namespace Sandbox.Nulab.Model;

/// <summary>How the download answers name the file: the docs' quoted form, RFC 5987 for non-ASCII names, or no
/// header at all (clients must fall back to a name of their own).</summary>
public enum DispositionStyle
{
    Quoted,
    Rfc5987,
    None,
}

/// <summary>An issue attachment. <see cref="Content"/> null means the metadata exists but the file is gone (the
/// download answers 404), which real spaces show after storage problems and clients must survive.</summary>
public sealed record StoredAttachment(int Id, string Name, long Size, int CreatedUserId, DateTimeOffset Created, Func<byte[]>? Content, DispositionStyle Disposition);
