using System.CommandLine;
using System.CommandLine.Invocation;
using Marsad.Cli;
using Marsad.Cli.Commands;

var parsed = MarsadCommand.Create().Parse(args);
if (parsed.Action is ParseErrorAction parseError)
{
    // The mistake on a line of its own, saying what is accepted; the help is a --help away.
    parseError.ShowHelp = false;
}

try
{
    return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception e)
{
    // Every ordinary mistake is answered by its command; this is the net under them: one line, no stack trace.
    Console.Error.WriteLine($"error: {e.Message.ReplaceLineEndings(" ")} (Marsad did not expect this; please report it with the command you ran)");
    return ExitCodes.Unexpected;
}
