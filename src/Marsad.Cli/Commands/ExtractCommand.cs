using System.CommandLine;
using Marsad.Cli.Output;
using Marsad.Ingest;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad extract PATH…</c>: the pipeline without a store, claims to standard output.</summary>
internal static class ExtractCommand
{
    public static Command Create(SharedOptions shared)
    {
        var paths = CommonArguments.Paths("Report files (.txt, .html, .jsonl) or folders of them.");
        var format = CommonArguments.Format("jsonl");
        var published = CommonArguments.Published();
        var command = new Command("extract", "Extract claims from reports without storing them; write them to standard output.")
        {
            paths, format, published,
        };
        command.SetAction(result =>
        {
            if (shared.Extractor(result) is not { } extractor)
            {
                return ExitCodes.BadUsage;
            }

            var failed = false;
            var claims = ReportReader.Read(result.GetValue(paths)!, CommonArguments.Defaults(null, result.GetValue(published), null))
                .SelectMany(read =>
                {
                    if (read is ReadError error)
                    {
                        Console.Error.WriteLine("error: " + error.Message);
                        failed = true;
                        return [];
                    }

                    return extractor.Extract(((ReadDocument)read).Document).Claims;
                });
            ClaimWriter.Write(claims, result.GetValue(format)!);
            return failed ? ExitCodes.SomeInputFailed : ExitCodes.Success;
        });
        return command;
    }
}
