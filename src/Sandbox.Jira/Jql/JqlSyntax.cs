namespace Sandbox.Jira.Jql;

public abstract record JqlExpression;

public sealed record JqlOr(IReadOnlyList<JqlExpression> Terms) : JqlExpression;

public sealed record JqlAnd(IReadOnlyList<JqlExpression> Terms) : JqlExpression;

public sealed record JqlNot(JqlExpression Term) : JqlExpression;

/// <summary><c>field op value</c>, <c>field IN (…)</c>, <c>field IS [NOT] EMPTY</c>, <c>field ~ text</c>.</summary>
public sealed record JqlClause(string Field, string Operator, IReadOnlyList<JqlValue> Values) : JqlExpression;

/// <summary>A literal (word, quoted string, number) or a function call such as <c>currentUser()</c>.</summary>
public sealed record JqlValue(string Text, bool IsFunction = false, string Arguments = "");

public sealed record JqlSort(string Field, bool Descending);

public sealed record JqlQuery(JqlExpression? Where, IReadOnlyList<JqlSort> OrderBy);

/// <summary>A query Jira would refuse; the message is Jira's own text (docs/reference/jira.md §4.2).</summary>
public sealed class JqlException(string message) : Exception(message);
