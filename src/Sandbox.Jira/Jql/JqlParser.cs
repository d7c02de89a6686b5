using System.Text;

namespace Sandbox.Jira.Jql;

/// <summary>Parses the JQL grammar of docs/reference/jira.md §4.1 and reports errors with Jira's wording and position.</summary>
public sealed class JqlParser
{
    private readonly List<Token> _tokens;
    private int _position;

    private JqlParser(List<Token> tokens) => _tokens = tokens;

    public static JqlQuery Parse(string jql)
    {
        var parser = new JqlParser(Tokenize(jql));
        return parser.Query();
    }

    private enum Kind { Word, String, Symbol, End }

    private sealed record Token(Kind Kind, string Text, int Column);

    private Token Current => _tokens[_position];

    private JqlQuery Query()
    {
        JqlExpression? where = null;
        if (!IsKeyword("ORDER") && Current.Kind != Kind.End) where = Or();
        var sorts = new List<JqlSort>();
        if (IsKeyword("ORDER"))
        {
            _position++;
            ExpectKeyword("BY");
            do
            {
                var field = FieldName();
                var descending = false;
                if (IsKeyword("DESC")) { descending = true; _position++; }
                else if (IsKeyword("ASC")) _position++;
                sorts.Add(new JqlSort(field, descending));
            }
            while (TrySymbol(","));
            if (sorts.Count > 7) throw new JqlException("The ORDER BY clause may contain at most 7 fields.");
        }
        if (Current.Kind != Kind.End) throw Expecting("either 'OR' or 'AND'");
        return new JqlQuery(where, sorts);
    }

    private JqlExpression Or()
    {
        var terms = new List<JqlExpression> { And() };
        while (IsKeyword("OR") || IsSymbol("||")) { _position++; terms.Add(And()); }
        return terms.Count == 1 ? terms[0] : new JqlOr(terms);
    }

    private JqlExpression And()
    {
        var terms = new List<JqlExpression> { Not() };
        while (IsKeyword("AND") || IsSymbol("&&")) { _position++; terms.Add(Not()); }
        return terms.Count == 1 ? terms[0] : new JqlAnd(terms);
    }

    private JqlExpression Not()
    {
        if (IsKeyword("NOT") || IsSymbol("!")) { _position++; return new JqlNot(Not()); }
        if (TrySymbol("("))
        {
            var inner = Or();
            if (!TrySymbol(")")) throw Expecting("')'");
            return inner;
        }
        return Clause();
    }

    private JqlClause Clause()
    {
        var field = FieldName();
        if (IsKeyword("IS"))
        {
            _position++;
            var negated = false;
            if (IsKeyword("NOT")) { negated = true; _position++; }
            if (!IsKeyword("EMPTY") && !IsKeyword("NULL")) throw Expecting("'EMPTY' or 'NULL'");
            _position++;
            return new JqlClause(field, negated ? "IS NOT" : "IS", []);
        }
        if (IsKeyword("IN") || (IsKeyword("NOT") && Peek(1) is { Kind: Kind.Word } next && next.Text.Equals("IN", StringComparison.OrdinalIgnoreCase)))
        {
            var op = IsKeyword("NOT") ? "NOT IN" : "IN";
            _position += op == "IN" ? 1 : 2;
            // A list function stands for the list itself: sprint in openSprints(), assignee in membersOf("team").
            if (Current.Kind == Kind.Word && Peek(1) is { Kind: Kind.Symbol, Text: "(" }) return new JqlClause(field, op, [Value()]);
            if (!TrySymbol("(")) throw Expecting("'('");
            var values = new List<JqlValue> { Value() };
            while (TrySymbol(",")) values.Add(Value());
            if (!TrySymbol(")")) throw Expecting("')'");
            return new JqlClause(field, op, values);
        }
        if (Current.Kind == Kind.Symbol && Current.Text is "=" or "!=" or ">" or ">=" or "<" or "<=" or "~" or "!~")
        {
            var op = Current.Text;
            _position++;
            return new JqlClause(field, op, [Value()]);
        }
        throw Expecting("operator");
    }

    private string FieldName()
    {
        if (Current.Kind is Kind.Word or Kind.String)
        {
            var name = Current.Text;
            _position++;
            return name;
        }
        throw Expecting("a field name");
    }

    private JqlValue Value()
    {
        if (Current.Kind == Kind.String) return new JqlValue(_tokens[_position++].Text);
        if (Current.Kind != Kind.Word || IsReserved(Current.Text)) throw Expecting("a value");
        var text = _tokens[_position++].Text;
        if (TrySymbol("("))
        {
            var arguments = new StringBuilder();
            while (!IsSymbol(")") && Current.Kind != Kind.End) arguments.Append(_tokens[_position++].Text);
            if (!TrySymbol(")")) throw Expecting("')'");
            return new JqlValue(text, IsFunction: true, arguments.ToString());
        }
        return new JqlValue(text);
    }

    private static bool IsReserved(string word) =>
        word.ToUpperInvariant() is "AND" or "OR" or "NOT" or "IN" or "IS" or "ORDER" or "BY" or "EMPTY" or "NULL";

    private Token? Peek(int offset) => _position + offset < _tokens.Count ? _tokens[_position + offset] : null;

    private bool IsKeyword(string keyword) => Current.Kind == Kind.Word && Current.Text.Equals(keyword, StringComparison.OrdinalIgnoreCase);

    private bool IsSymbol(string symbol) => Current.Kind == Kind.Symbol && Current.Text == symbol;

    private bool TrySymbol(string symbol)
    {
        if (!IsSymbol(symbol)) return false;
        _position++;
        return true;
    }

    private void ExpectKeyword(string keyword)
    {
        if (!IsKeyword(keyword)) throw Expecting($"'{keyword.ToLowerInvariant()}'");
        _position++;
    }

    private JqlException Expecting(string what)
    {
        var got = Current.Kind == Kind.End ? "EOF" : Current.Text;
        return new JqlException($"Error in the JQL Query: Expecting {what} but got '{got}'. (line 1, character {Current.Column})");
    }

    private static List<Token> Tokenize(string jql)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < jql.Length)
        {
            var c = jql[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            var column = i + 1;
            if (c is '"' or '\'')
            {
                var text = new StringBuilder();
                i++;
                while (i < jql.Length && jql[i] != c)
                {
                    if (jql[i] == '\\' && i + 1 < jql.Length) i++;
                    text.Append(jql[i++]);
                }
                if (i >= jql.Length)
                    throw new JqlException($"Error in the JQL Query: The quoted string '{text}' has not been completed. (line 1, character {column})");
                i++;
                tokens.Add(new Token(Kind.String, text.ToString(), column));
                continue;
            }
            var two = i + 1 < jql.Length ? jql.Substring(i, 2) : "";
            if (two is "!=" or ">=" or "<=" or "!~" or "&&" or "||")
            {
                tokens.Add(new Token(Kind.Symbol, two, column));
                i += 2;
                continue;
            }
            if (c is '(' or ')' or ',' or '=' or '>' or '<' or '~' or '!')
            {
                tokens.Add(new Token(Kind.Symbol, c.ToString(), column));
                i++;
                continue;
            }
            var start = i;
            while (i < jql.Length && !char.IsWhiteSpace(jql[i]) && jql[i] is not ('(' or ')' or ',' or '=' or '>' or '<' or '~' or '!' or '"' or '\'')) i++;
            tokens.Add(new Token(Kind.Word, jql[start..i], column));
        }
        tokens.Add(new Token(Kind.End, "", jql.Length + 1));
        return tokens;
    }
}
