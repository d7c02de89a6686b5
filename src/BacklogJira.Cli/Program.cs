using System.CommandLine;
using BacklogJira.BacklogMd;
using BacklogJira.BacklogMd.Config;
using BacklogJira.BacklogMd.Discovery;
using BacklogJira.BacklogMd.Locks;
using BacklogJira.BacklogMd.Writing;
using BacklogJira.Cli;
using BacklogJira.Cli.Commands;

var root = new RootCommand("backlog-jira: keep Backlog.md tasks and Jira issues in sync")
{
    ViewCommand.Create(),
    DemoCommand.Create(),
    SandboxCommand.Create(),
};

try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception ex) when (ex is BacklogMdProjectNotFoundException or TaskLookupException or TaskEditException or BacklogMdConfigException or LockBusyException)
{
    Console.Error.WriteLine(ex.Message);
    return ExitCodes.Failure;
}
