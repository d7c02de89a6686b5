using Microsoft.AspNetCore.Http;

namespace Sandbox.Nulab.Http;

/// <summary>What a test can make the sandbox do wrong: Nulab errors with any status, a proxy's HTML error page, an
/// answer of the wrong shape, slow answers. Each fault is used up by the matching requests it answers.</summary>
public sealed class SandboxFaults
{
    private readonly Lock _gate = new();
    private readonly List<Fault> _faults = [];

    public TimeSpan Delay { get; set; }

    /// <summary>The next <paramref name="times"/> requests whose path contains <paramref name="pathContains"/> answer
    /// <paramref name="status"/> with Nulab's error body.</summary>
    public void FailNext(int times, int status, string message, string? pathContains = null) => Add(new Fault(FaultKind.NulabError, times, status, message, pathContains));

    /// <summary>An HTML page, as a proxy in front of Backlog answers a 502 or 503.</summary>
    public void HtmlErrorNext(int times, int status = 502, string? pathContains = null) => Add(new Fault(FaultKind.Html, times, status, "", pathContains));

    /// <summary>A 200 whose body is not the shape the endpoint documents.</summary>
    public void MalformedNext(int times, string? pathContains = null) => Add(new Fault(FaultKind.Malformed, times, 200, "", pathContains));

    private void Add(Fault fault)
    {
        lock (_gate) _faults.Add(fault);
    }

    internal Fault? Take(HttpRequest request)
    {
        var path = request.Path.Value ?? "";
        lock (_gate)
        {
            var fault = _faults.Find(f => f.PathContains is null || path.Contains(f.PathContains, StringComparison.Ordinal));
            if (fault is null) return null;
            if (--fault.Remaining == 0) _faults.Remove(fault);
            return fault;
        }
    }

    internal enum FaultKind
    {
        NulabError,
        Html,
        Malformed,
    }

    internal sealed class Fault(FaultKind kind, int remaining, int status, string message, string? pathContains)
    {
        public FaultKind Kind { get; } = kind;

        public int Remaining { get; set; } = remaining;

        public int Status { get; } = status;

        public string Message { get; } = message;

        public string? PathContains { get; } = pathContains;
    }
}
