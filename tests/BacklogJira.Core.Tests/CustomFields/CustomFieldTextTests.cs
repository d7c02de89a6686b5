using System.Text.Json.Nodes;
using BacklogJira.Core.CustomFields;
using BacklogJira.Core.Ports;

namespace BacklogJira.Core.Tests.CustomFields;

/// <summary>One canonical text per value, whichever side it was read from (docs/field-mapping.md, "Field types").</summary>
public class CustomFieldTextTests
{
    [Theory]
    [InlineData(CustomFieldKind.Number, "5", "5")]
    [InlineData(CustomFieldKind.Number, "2.50", "2.5")]
    [InlineData(CustomFieldKind.Number, "8.0", "8")]
    [InlineData(CustomFieldKind.Date, "2026-03-01", "2026-03-01")]
    [InlineData(CustomFieldKind.DateTime, "2026-03-01T10:30:00.000+0100", "2026-03-01T09:30:00Z")]
    [InlineData(CustomFieldKind.DateTime, "2026-03-01T09:30:00", "2026-03-01T09:30:00Z")]
    [InlineData(CustomFieldKind.DateTime, "2026-03-01T09:30:00.250Z", "2026-03-01T09:30:00.250Z")]
    [InlineData(CustomFieldKind.Cascading, "Production /  EU ", "Production / EU")]
    [InlineData(CustomFieldKind.Cascading, "A/B", "A/B")]
    [InlineData(CustomFieldKind.Option, "  High ", "High")]
    public void A_value_reads_to_its_canonical_text(CustomFieldKind kind, string text, string canonical) =>
        CustomFieldText.Canonical(kind, text, out _).ShouldBe(canonical);

    [Theory]
    [InlineData(CustomFieldKind.Number, "five", "is not a number")]
    [InlineData(CustomFieldKind.Date, "2026-02-30", "is not a YYYY-MM-DD date")]
    [InlineData(CustomFieldKind.DateTime, "tomorrow", "is not a date and time")]
    [InlineData(CustomFieldKind.Url, "example.com/spec", "is not an absolute URL")]
    public void A_text_that_is_not_a_value_of_the_kind_gives_the_reason(CustomFieldKind kind, string text, string reason)
    {
        CustomFieldText.Canonical(kind, text, out var problem).ShouldBeNull();
        problem.ShouldNotBeNull().ShouldContain(reason);
    }

    [Fact]
    public void Jira_s_json_and_the_request_shape_carry_the_same_items()
    {
        CustomFieldJson.Items(CustomFieldKind.Number, JsonValue.Create(5.0)).ShouldBe(["5"]);
        CustomFieldJson.Items(CustomFieldKind.Cascading, JsonNode.Parse("""{"value":"Production","id":"1","child":{"value":"EU","id":"2"}}""")).ShouldBe(["Production / EU"]);
        CustomFieldJson.Items(CustomFieldKind.Options, JsonNode.Parse("""[{"value":"iOS"},{"value":"Web"}]""")).ShouldBe(["iOS", "Web"]);
        CustomFieldJson.Items(CustomFieldKind.Components, JsonNode.Parse("""[{"name":"API","id":"3"}]""")).ShouldBe(["API"]);
        CustomFieldJson.Items(CustomFieldKind.RichText, JsonValue.Create("*bold* and _it_")).ShouldBe(["**bold** and *it*"]);
        CustomFieldJson.Items(CustomFieldKind.Option, JsonValue.Create("not an option object")).ShouldBeNull();
        CustomFieldJson.Items(CustomFieldKind.Labels, null).ShouldBeEmpty();

        var cascade = (JiraFieldValue.Json)CustomFieldJson.Request(CustomFieldKind.Cascading, ["Production / EU"]);
        cascade.Value!.ToJsonString().ShouldBe("""{"value":"Production","child":{"value":"EU"}}""");
        ((JiraFieldValue.Json)CustomFieldJson.Request(CustomFieldKind.Number, ["2.5"])).Value!.ToJsonString().ShouldBe("2.5");
        ((JiraFieldValue.Json)CustomFieldJson.Request(CustomFieldKind.DateTime, ["2026-03-01T09:30:00Z"])).Value!.GetValue<string>().ShouldBe("2026-03-01T09:30:00.000+0000");
        ((JiraFieldValue.Json)CustomFieldJson.Request(CustomFieldKind.Option, [])).Value.ShouldBeNull();
    }

    [Theory]
    [InlineData("number", null, "com.atlassian.jira.plugin.system.customfieldtypes:float", CustomFieldKind.Number)]
    [InlineData("number", null, "com.pyxis.greenhopper.jira:jsw-story-points", CustomFieldKind.Number)]
    [InlineData("array", "option", "com.atlassian.jira.plugin.system.customfieldtypes:multicheckboxes", CustomFieldKind.Options)]
    [InlineData("string", null, "com.atlassian.jira.plugin.system.customfieldtypes:textarea", CustomFieldKind.RichText)]
    [InlineData("option-with-child", null, "com.atlassian.jira.plugin.system.customfieldtypes:cascadingselect", CustomFieldKind.Cascading)]
    public void A_field_s_kind_comes_from_its_plugin_then_its_schema(string type, string? items, string plugin, CustomFieldKind kind) =>
        CustomFieldKinds.Of(new JiraField("customfield_1", "F", true, type, items, plugin)).ShouldBe(kind);

    [Fact]
    public void A_field_no_rule_can_map_is_described_with_its_schema_and_plugin()
    {
        var sprint = new JiraField("customfield_10020", "Sprint", true, "array", "json", "com.pyxis.greenhopper.jira:gh-sprint");
        CustomFieldKinds.Of(sprint).ShouldBeNull();
        CustomFieldKinds.Describe(sprint).ShouldBe("array of json (com.pyxis.greenhopper.jira:gh-sprint)");
        CustomFieldKinds.Of(new JiraField("components", "Components", false, "array", "component")).ShouldBe(CustomFieldKind.Components);
    }

    [Fact]
    public void A_field_is_found_by_id_or_by_a_name_only_one_field_has()
    {
        IReadOnlyList<JiraField> fields = [new("customfield_10016", "Story Points", true, "number"), new("customfield_1", "Team", true, "string"), new("customfield_2", "Team", true, "string")];
        JiraFieldResolver.Find(fields, "story points")!.Id.ShouldBe("customfield_10016");
        JiraFieldResolver.Find(fields, "CUSTOMFIELD_10016")!.Name.ShouldBe("Story Points");
        JiraFieldResolver.Find(fields, "Team").ShouldBeNull();
        JiraFieldResolver.Explain(fields, "Team").ShouldContain("2 Jira fields are named \"Team\" (customfield_1, customfield_2)");
        JiraFieldResolver.Explain(fields, "Story Pts").ShouldContain("did you mean \"Story Points\" (customfield_10016)?");
    }
}
