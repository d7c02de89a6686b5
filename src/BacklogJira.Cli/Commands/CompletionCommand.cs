using System.CommandLine;

namespace BacklogJira.Cli.Commands;

/// <summary>
/// <c>completion bash|zsh|fish|powershell</c>: a script that wires the shell's completion to System.CommandLine's
/// <c>[suggest]</c> directive, so suggestions always come from the real command tree (commands, options, and the
/// values an option accepts).
/// </summary>
internal static class CompletionCommand
{
    public static readonly string[] Shells = ["bash", "zsh", "fish", "powershell"];

    public static Command Create(CliContext context)
    {
        var shell = new Argument<string>("shell") { Description = "bash, zsh, fish or powershell" };
        shell.AcceptOnlyFromAmong(Shells);
        var command = new Command("completion",
            "Print a shell completion script; load it from your shell's startup file\n\n" +
            "Example: backlog-jira completion bash >> ~/.bashrc   (zsh: source <(backlog-jira completion zsh); fish: backlog-jira completion fish > ~/.config/fish/completions/backlog-jira.fish; PowerShell: backlog-jira completion powershell >> $PROFILE)")
        {
            shell,
        };
        command.SetAction(parse =>
        {
            context.Out.Write(Script(parse.GetValue(shell)!));
            return ExitCodes.Success;
        });
        return command;
    }

    public static string Script(string shell) => shell switch
    {
        "bash" => """
            # backlog-jira completion for bash
            _backlog_jira_complete() {
                local line="${COMP_LINE#* }" IFS=$'\n'
                local position=$(( COMP_POINT - (${#COMP_LINE} - ${#line}) ))
                COMPREPLY=( $(backlog-jira "[suggest:${position}]" "${line}" 2>/dev/null) )
            }
            complete -o default -F _backlog_jira_complete backlog-jira

            """,
        "zsh" => """
            # backlog-jira completion for zsh
            _backlog_jira_complete() {
                local line="${BUFFER#* }"
                local position=$(( CURSOR - (${#BUFFER} - ${#line}) ))
                local -a suggestions
                suggestions=("${(@f)$(backlog-jira "[suggest:${position}]" "${line}" 2>/dev/null)}")
                compadd -- "${suggestions[@]}"
            }
            compdef _backlog_jira_complete backlog-jira

            """,
        "fish" => """
            # backlog-jira completion for fish
            function __backlog_jira_complete
                set -l line (string replace -r '^\S+\s*' '' -- (commandline -cp))
                backlog-jira "[suggest:"(string length -- "$line")"]" "$line" 2>/dev/null
            end
            complete -c backlog-jira -f -a '(__backlog_jira_complete)'

            """,
        _ => """
            # backlog-jira completion for PowerShell
            Register-ArgumentCompleter -Native -CommandName backlog-jira -ScriptBlock {
                param($wordToComplete, $commandAst, $cursorPosition)
                $text = $commandAst.Extent.Text
                $line = ($text -replace '^\S+\s*', '')
                $position = $cursorPosition - $commandAst.Extent.StartOffset - ($text.Length - $line.Length)
                backlog-jira "[suggest:$position]" "$line" 2>$null | ForEach-Object {
                    [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
                }
            }

            """,
    };
}
