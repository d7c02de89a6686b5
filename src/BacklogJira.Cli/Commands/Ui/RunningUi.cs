using System.Net;
using BacklogJira.Web;

namespace BacklogJira.Cli.Commands.Ui;

/// <summary>The UI already serving this repository (hosted by <c>serve</c>, or another <c>ui</c>): recorded in
/// <see cref="UiAddressFile"/> by a live process, and answering its own address (the token accepted) right now.</summary>
internal static class RunningUi
{
    public static async Task<UiAddressFile.Running?> FindAsync(string stateRoot, CancellationToken cancellationToken)
    {
        if (new UiAddressFile(stateRoot).TryReadLive() is not { } running) return null;
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false, UseProxy = false }) { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            // The token is accepted with a redirect to the page without it; anything else is not our UI.
            using var answer = await http.GetAsync(running.Address, cancellationToken);
            return answer.StatusCode == HttpStatusCode.Redirect ? running : null;
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }
}
