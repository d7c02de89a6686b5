using System.Text;
using BacklogJira.Serve.Webhooks;

namespace BacklogJira.Serve.Tests;

public class WebhookSignatureTests
{
    private const string Secret = "0123456789abcdef0123456789abcdef";

    [Fact]
    public void A_known_signature_verifies_and_any_change_to_body_secret_or_header_fails()
    {
        var body = Encoding.UTF8.GetBytes("""{"webhookEvent":"jira:issue_updated"}""");
        // A known answer, computed apart from .NET: printf '%s' '{"webhookEvent":"jira:issue_updated"}' | openssl dgst -sha256 -hmac <Secret>
        const string expected = "sha256=b4aa68b92944a7488e7bf6c19e3bb4dce22f30707db5df8d677dcd30a862a593";
        WebhookSignature.Sign(body, Secret).ShouldBe(expected);
        WebhookSignature.Verify(body, expected, Secret).ShouldBeTrue();
        WebhookSignature.Verify(body, expected.ToUpperInvariant().Replace("SHA256=", "sha256=", StringComparison.Ordinal), Secret).ShouldBeTrue("hex case does not matter");

        var tampered = Encoding.UTF8.GetBytes("""{"webhookEvent":"jira:issue_updated" }""");
        WebhookSignature.Verify(tampered, expected, Secret).ShouldBeFalse("one added space");
        WebhookSignature.Verify(body, expected, Secret + "x").ShouldBeFalse("another secret");
        foreach (var header in new string?[] { null, "", "sha256=", "sha1=" + expected[7..], expected[..^2], expected + "00", "sha256=" + new string('z', 64) })
            WebhookSignature.Verify(body, header, Secret).ShouldBeFalse(header ?? "(none)");
    }

    [Fact]
    public void The_url_token_must_match_exactly()
    {
        WebhookSignature.TokenMatches(Secret, Secret).ShouldBeTrue();
        WebhookSignature.TokenMatches(Secret[..^1], Secret).ShouldBeFalse();
        WebhookSignature.TokenMatches(Secret + " ", Secret).ShouldBeFalse();
        WebhookSignature.TokenMatches(null, Secret).ShouldBeFalse();
    }
}
