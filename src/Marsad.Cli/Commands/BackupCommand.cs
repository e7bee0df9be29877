using System.CommandLine;
using System.Data.Common;
using Marsad.Storage;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad backup OUT</c>: a consistent copy of the store, made while it is in use.</summary>
internal static class BackupCommand
{
    public static Command Create(SharedOptions shared)
    {
        var output = new Argument<string>("out") { Description = "The file to write the copy to; it must not exist yet (a backup never overwrites one)." };
        var command = new Command(
            "backup",
            "Copy the store into a new file with SQLite's online backup: consistent even while `serve` or `ingest` write to it. README says how to restore one.")
        {
            output,
        };
        command.SetAction(result =>
        {
            var path = result.GetValue(output)!;
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (File.Exists(path) || Directory.Exists(path))
            {
                Console.Error.WriteLine($"error: {path} exists already; a backup never overwrites a file: give a new name.");
                return ExitCodes.BadUsage;
            }

            if (folder is not null && !Directory.Exists(folder))
            {
                Console.Error.WriteLine($"error: the folder {folder} does not exist; create it first or write the backup somewhere else.");
                return ExitCodes.BadUsage;
            }

            using var store = shared.Store(result);
            if (store is null)
            {
                return ExitCodes.BadUsage;
            }

            try
            {
                store.BackupTo(path);
            }
            catch (NotSupportedException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.BadUsage;
            }
            catch (DbException e)
            {
                Console.Error.WriteLine($"error: cannot write the backup {path}: {e.Message.ReplaceLineEndings(" ")}");
                return ExitCodes.BadUsage;
            }

            Console.WriteLine($"{MarsadStore.Describe(result.GetValue(shared.Database)!)} backed up to {path} ({store.DocumentCount} documents, {store.ClaimCount} claims).");
            return ExitCodes.Success;
        });
        return command;
    }
}
