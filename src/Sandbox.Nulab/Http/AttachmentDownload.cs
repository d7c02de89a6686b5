using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sandbox.Nulab.Model;
using Sandbox.Nulab.State;

namespace Sandbox.Nulab.Http;

/// <summary>GET /api/v2/issues/{issue}/attachments/{id}: the file as application/octet-stream, named by
/// Content-Disposition in the docs' quoted form, in RFC 5987 form for non-ASCII names, or not at all.</summary>
internal static class AttachmentDownload
{
    public static void Map(IEndpointRouteBuilder app, SpaceState space) =>
        app.MapGet("/api/v2/issues/{issue}/attachments/{attachment}", async (HttpContext http) =>
        {
            StoredAttachment? attachment;
            try
            {
                attachment = space.Read(s =>
                {
                    var issue = ReadEndpoints.Issue(http, s);
                    return issue.Attachments.Find(a => a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == NulabRoutes.Route(http, "attachment"));
                });
            }
            catch (NulabApiException error)
            {
                http.Response.StatusCode = error.Status;
                await NulabRoutes.WriteAsync(http, NulabJson.Error(error.Code, error.Message));
                return;
            }
            if (attachment?.Content is null)
            {
                http.Response.StatusCode = 404;
                await NulabRoutes.WriteAsync(http, NulabJson.Error(6, "No attachment."));
                return;
            }
            var bytes = attachment.Content();
            http.Response.ContentType = "application/octet-stream";
            http.Response.ContentLength = bytes.Length;
            if (Disposition(attachment) is { } disposition) http.Response.Headers.ContentDisposition = disposition;
            await http.Response.Body.WriteAsync(bytes, http.RequestAborted);
        });

    private static string? Disposition(StoredAttachment attachment) => attachment.Disposition switch
    {
        DispositionStyle.Quoted => $"attachment;filename=\"{attachment.Name}\"",
        DispositionStyle.Rfc5987 => "attachment;filename*=UTF-8''" + Uri.EscapeDataString(attachment.Name),
        _ => null,
    };
}
