using System.CommandLine;
using Marsad.Storage;
using Microsoft.Data.Sqlite;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad users add NAME</c>: a reviewer and their API token.</summary>
internal static class UsersCommand
{
    public static Command Create(SharedOptions shared)
    {
        var name = new Argument<string>("name") { Description = "The reviewer's name, as the audit log will show it." };
        var add = new Command("add", "Add a reviewer and print their API token (stored hashed: it is shown this once).") { name };
        add.SetAction(result =>
        {
            using var store = MarsadStore.Open(result.GetValue(shared.Database)!);
            try
            {
                Console.WriteLine(store.AddUser(result.GetValue(name)!));
                return ExitCodes.Success;
            }
            catch (SqliteException e) when (e.SqliteErrorCode == 19)
            {
                Console.Error.WriteLine($"error: there is already a reviewer named {result.GetValue(name)}.");
                return ExitCodes.BadUsage;
            }
        });
        return new Command("users", "Manage the reviewers who may upload and review through the API.") { add };
    }
}
