using System.Net;
using static Sandbox.Jira.Tests.Http.SandboxHttp;

namespace Sandbox.Jira.Tests.Http;

/// <summary>Custom fields of every type teams map, in Jira's shapes: described by /field and the screens, set and read
/// back through v3 and v2, refused with Jira's words, and searched by JQL.</summary>
public class CustomFieldTests
{
    private const string Values = """
        {"fields":{"project":{"key":"DEMO"},"issuetype":{"name":"Task"},"summary":"Custom",
          "customfield_10016":5,"customfield_10020":"Platform","customfield_10022":{"value":"High"},
          "customfield_10023":[{"value":"iOS"},{"id":"10112"}],"customfield_10024":"2026-03-01",
          "customfield_10025":"2026-03-01T10:30:00.000+0100","customfield_10026":"https://example.com/spec",
          "customfield_10027":{"accountId":"5b10a2844c20165700ede21a"},
          "customfield_10028":{"value":"Production","child":{"value":"EU"}},"customfield_10029":{"id":"10131"},
          "customfield_10030":[{"value":"Security"}],"customfield_10031":[{"accountId":"5b10a2844c20165700ede22b"}],
          "customfield_10032":["alpha","beta"],"customfield_10033":{"name":"1.0"},"customfield_10034":[{"name":"1.0"}]}}
        """;

    [Fact]
    public async Task Every_type_is_set_and_read_back_in_jira_s_shapes()
    {
        await using var sandbox = await JiraSandbox.StartAsync(new SandboxOptions());
        using var http = Client(sandbox);
        (await SendAsync(http, "POST", "/rest/api/3/version", """{"name":"1.0","projectId":"10000"}""")).Status.ShouldBe(HttpStatusCode.Created);
        var created = await SendAsync(http, "POST", "/rest/api/3/issue", Values);
        created.Status.ShouldBe(HttpStatusCode.Created, created.Body?.ToJsonString());

        var fields = (await SendAsync(http, "GET", $"/rest/api/3/issue/{created.Body!["key"]}")).Body!["fields"]!;
        fields["customfield_10016"]!.GetValue<double>().ShouldBe(5);
        fields["customfield_10020"]!.GetValue<string>().ShouldBe("Platform");
        fields["customfield_10022"]!["value"]!.GetValue<string>().ShouldBe("High");
        fields["customfield_10022"]!["id"]!.GetValue<string>().ShouldBe("10102");
        fields["customfield_10023"]!.AsArray().Select(o => o!["value"]!.GetValue<string>()).ShouldBe(["iOS", "Web"]);
        fields["customfield_10024"]!.GetValue<string>().ShouldBe("2026-03-01");
        fields["customfield_10025"]!.GetValue<string>().ShouldBe("2026-03-01T09:30:00.000+0000");
        fields["customfield_10027"]!["displayName"]!.GetValue<string>().ShouldBe("Alice Martin");
        fields["customfield_10028"]!["value"]!.GetValue<string>().ShouldBe("Production");
        fields["customfield_10028"]!["child"]!["value"]!.GetValue<string>().ShouldBe("EU");
        fields["customfield_10029"]!["value"]!.GetValue<string>().ShouldBe("S2");
        fields["customfield_10031"]!.AsArray().Single()!["displayName"]!.GetValue<string>().ShouldBe("Bob Chen");
        fields["customfield_10032"]!.AsArray().Select(l => l!.GetValue<string>()).ShouldBe(["alpha", "beta"]);
        fields["customfield_10033"]!["name"]!.GetValue<string>().ShouldBe("1.0");
        fields["customfield_10034"]!.AsArray().Single()!["name"]!.GetValue<string>().ShouldBe("1.0");
        fields["customfield_10021"].ShouldBeNull();
    }

    [Fact]
    public async Task A_value_not_allowed_is_refused_with_jira_s_words_and_nothing_is_applied()
    {
        await using var sandbox = await JiraSandbox.StartAsync(new SandboxOptions());
        using var http = Client(sandbox);
        var issue = (await SendAsync(http, "POST", "/rest/api/3/issue", """{"fields":{"project":{"key":"DEMO"},"issuetype":{"name":"Task"},"summary":"x"}}""")).Body!;
        var refused = await SendAsync(http, "PUT", $"/rest/api/3/issue/{issue["key"]}",
            """{"fields":{"customfield_10022":{"value":"Extreme"},"customfield_10016":"five","customfield_10028":{"value":"Staging","child":{"value":"US"}},"customfield_10033":{"name":"9.9"}}}""");
        refused.Status.ShouldBe(HttpStatusCode.BadRequest);
        var errors = refused.Body!["errors"]!;
        errors["customfield_10022"]!.GetValue<string>().ShouldBe("Option value 'Extreme' is not valid");
        errors["customfield_10016"]!.GetValue<string>().ShouldBe("Operation value must be a number");
        errors["customfield_10028"]!.GetValue<string>().ShouldContain("'US' is not a valid child of 'Staging'");
        errors["customfield_10033"]!.GetValue<string>().ShouldBe("Version name '9.9' is not valid");
    }

    [Fact]
    public async Task Field_list_and_screens_describe_each_custom_field_with_its_allowed_values()
    {
        await using var sandbox = await JiraSandbox.StartAsync(new SandboxOptions());
        using var http = Client(sandbox);
        var all = (await SendAsync(http, "GET", "/rest/api/3/field")).Body!.AsArray();
        var risk = all.Single(f => f!["id"]!.GetValue<string>() == "customfield_10022")!;
        risk["schema"]!["custom"]!.GetValue<string>().ShouldBe("com.atlassian.jira.plugin.system.customfieldtypes:select");
        risk["clauseNames"]!.AsArray().Select(c => c!.GetValue<string>()).ShouldBe(["cf[10022]", "Risk"]);
        all.Count(f => f!["custom"]!.GetValue<bool>()).ShouldBe(18);
        all.Single(f => f!["name"]!.GetValue<string>() == "Epic Link")!["schema"]!["custom"]!.GetValue<string>().ShouldBe("com.pyxis.greenhopper.jira:gh-epic-link");

        var meta = (await SendAsync(http, "GET", "/rest/api/3/issue/createmeta/DEMO/issuetypes/10001")).Body!;
        var screen = (meta["fields"] ?? meta["values"])!.AsArray();
        var environment = screen.Single(f => f!["fieldId"]!.GetValue<string>() == "customfield_10028")!;
        environment["allowedValues"]!.AsArray().Select(o => o!["value"]!.GetValue<string>()).ShouldBe(["Production", "Staging"]);
        environment["allowedValues"]![0]!["children"]!.AsArray().Select(o => o!["value"]!.GetValue<string>()).ShouldBe(["EU", "US"]);
    }

    [Fact]
    public async Task Jql_finds_issues_by_custom_field_id_or_name()
    {
        await using var sandbox = await JiraSandbox.StartAsync(new SandboxOptions());
        using var http = Client(sandbox);
        (await SendAsync(http, "POST", "/rest/api/3/version", """{"name":"1.0","projectId":"10000"}""")).Status.ShouldBe(HttpStatusCode.Created);
        (await SendAsync(http, "POST", "/rest/api/3/issue", Values)).Status.ShouldBe(HttpStatusCode.Created);
        (await SendAsync(http, "POST", "/rest/api/3/issue", """{"fields":{"project":{"key":"DEMO"},"issuetype":{"name":"Task"},"summary":"Small","customfield_10016":2}}""")).Status.ShouldBe(HttpStatusCode.Created);

        async Task<int> Count(string jql)
        {
            var (status, body) = await SendAsync(http, "GET", $"/rest/api/3/search/jql?jql={Uri.EscapeDataString(jql)}");
            status.ShouldBe(HttpStatusCode.OK, $"{jql}: {body?.ToJsonString()}");
            return body!["issues"]!.AsArray().Count;
        }
        (await Count("cf[10016] = 5")).ShouldBe(1);
        (await Count("\"Story Points\" > 3")).ShouldBe(1);
        (await Count("\"Story Points\" >= 2")).ShouldBe(2);
        (await Count("Risk = High")).ShouldBe(1);
        (await Count("Platforms in (Web, Android)")).ShouldBe(1);
        (await Count("Environment = EU")).ShouldBe(1);
        (await Count("Team ~ plat")).ShouldBe(1);
        (await Count("Risk is EMPTY")).ShouldBe(1);
        var unknown = await SendAsync(http, "GET", $"/rest/api/3/search/jql?jql={Uri.EscapeDataString("Risk = Extreme")}");
        unknown.Status.ShouldBe(HttpStatusCode.BadRequest);
        unknown.Body!["errorMessages"]![0]!.GetValue<string>().ShouldBe("The option 'Extreme' for field 'Risk' does not exist.");
    }
}
