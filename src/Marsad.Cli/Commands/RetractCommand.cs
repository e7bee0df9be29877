using System.CommandLine;
using Marsad.Storage;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad retract DOC --reason …</c>: a document out of the record, kept in the store, the retraction logged.</summary>
internal static class RetractCommand
{
    public static Command Create(SharedOptions shared)
    {
        var id = new Argument<string>("doc") { Description = "The document id (see `marsad documents`); every version of it leaves the record." };
        var reason = new Option<string>("--reason") { Description = "Why it is retracted: the log keeps it.", Required = true };
        var by = new Option<string>("--by")
        {
            Description = "Who retracts it, as the log will show (default: the user running the command).",
            DefaultValueFactory = _ => Environment.UserName,
        };
        var command = new Command(
            "retract", "Take a document out of tallies, checks, claim lists and exports without deleting it; the retraction is logged with who and why.")
        {
            id, reason, by,
        };
        command.SetAction(result =>
        {
            var docId = result.GetValue(id)!;
            if (string.IsNullOrWhiteSpace(result.GetValue(reason)))
            {
                Console.Error.WriteLine("error: --reason is empty; say why the document is retracted.");
                return ExitCodes.BadUsage;
            }

            using var store = shared.Store(result);
            if (store is null)
            {
                return ExitCodes.BadUsage;
            }

            if (store.Retract(docId, result.GetValue(reason)!, result.GetValue(by)!) is null)
            {
                Console.Error.WriteLine($"error: no document {docId} in {MarsadStore.Describe(result.GetValue(shared.Database)!)}; `marsad documents` lists them.");
                return ExitCodes.BadUsage;
            }

            Console.WriteLine($"{docId} retracted: it stays stored (`marsad show {docId}`) and is left out of the record.");
            return ExitCodes.Success;
        });
        return command;
    }
}
