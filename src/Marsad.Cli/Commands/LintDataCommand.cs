using System.CommandLine;
using Marsad.Analysis;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad lint-data PATH…</c>: language packs and conflict profiles checked as the engine loads them.</summary>
internal static class LintDataCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Language pack folders (src/Marsad.Core/Languages/ar), files of a pack, profiles (.json), or folders of them.",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("lint-data", "Check language packs and conflict profiles: one line per problem (file:line: what was expected); exit 1 when there is any.")
        {
            paths,
        };
        command.SetAction(result =>
        {
            var problems = 0;
            foreach (var problem in result.GetValue(paths)!.SelectMany(DataLint.Check))
            {
                Console.WriteLine(problem);
                problems++;
            }

            return problems > 0 ? ExitCodes.SomeInputFailed : ExitCodes.Success;
        });
        return command;
    }
}
