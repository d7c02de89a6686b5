using Microsoft.AspNetCore.Http;

namespace BacklogJira.Web.Live;

/// <summary><c>GET /events</c>: server-sent events, one <c>changed</c> event whenever the <see cref="ChangeFeed"/>
/// moves, and a comment line every 15 s so proxies and the browser keep the stream open.</summary>
public static class ServerEvents
{
    public static RequestDelegate StreamAsync(ChangeFeed feed) => async http =>
    {
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-store";
        var seen = feed.Version;
        await http.Response.WriteAsync("retry: 2000\n\n", http.RequestAborted);
        await http.Response.Body.FlushAsync(http.RequestAborted);
        try
        {
            while (!http.RequestAborted.IsCancellationRequested)
            {
                var now = await feed.WaitAsync(seen, TimeSpan.FromSeconds(15), http.RequestAborted);
                await http.Response.WriteAsync(now == seen ? ": keep-alive\n\n" : $"event: changed\ndata: {now}\n\n", http.RequestAborted);
                await http.Response.Body.FlushAsync(http.RequestAborted);
                seen = now;
            }
        }
        catch (OperationCanceledException)
        {
            // The page was closed.
        }
    };
}
