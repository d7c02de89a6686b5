namespace BacklogMcp.Core.Prompts;

public sealed record PromptArgumentSpec(string Name, string Description, bool Required, string? Default = null);

/// <summary>An MCP prompt: a named template whose arguments are filled in to a user message.</summary>
public sealed record AgentPrompt(string Name, string Title, string Description, IReadOnlyList<PromptArgumentSpec> Arguments, Func<IReadOnlyDictionary<string, string>, string> Render)
{
    /// <summary>The message for the given arguments; a missing required one is an error naming it.</summary>
    public string RenderWith(IReadOnlyDictionary<string, string>? given)
    {
        var values = new Dictionary<string, string>();
        foreach (var argument in Arguments)
        {
            if (given is not null && given.TryGetValue(argument.Name, out var value) && !string.IsNullOrWhiteSpace(value)) values[argument.Name] = value.Trim();
            else if (argument.Required) throw new ArgumentException($"Prompt {Name} needs the argument '{argument.Name}': {argument.Description}");
            else if (argument.Default is not null) values[argument.Name] = argument.Default;
        }
        var unknown = given?.Keys.Where(k => Arguments.All(a => a.Name != k)).ToList() ?? [];
        if (unknown.Count > 0) throw new ArgumentException($"Prompt {Name} does not take {string.Join(", ", unknown)}; its arguments are {string.Join(", ", Arguments.Select(a => a.Name))}.");
        return Render(values);
    }
}
