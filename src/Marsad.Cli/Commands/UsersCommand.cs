using System.CommandLine;
using System.Globalization;
using Marsad.Model;
using Marsad.Reviews;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad users add|list|revoke|rotate</c>: the accounts of the API and their tokens.</summary>
internal static class UsersCommand
{
    public static Command Create(SharedOptions shared)
    {
        var name = new Argument<string>("name") { Description = "The account's name, as the audit log shows it." };
        var role = new Option<string>("--role")
        {
            Description = "reviewer (uploads and reviews) or admin (also retracts documents and manages accounts).",
            DefaultValueFactory = _ => "reviewer",
        }.AcceptOnlyFromAmong("reviewer", "admin");
        var add = new Command("add", "Add an account and print its API token (stored hashed: it is shown this once).") { name, role };
        add.SetAction(result =>
        {
            using var store = shared.StoreOrNew(result);
            if (store is null)
            {
                return ExitCodes.BadUsage;
            }

            if (store.AddUser(result.GetValue(name)!, Codes.Parse<UserRole>(result.GetValue(role))!.Value) is not { } token)
            {
                Console.Error.WriteLine($"error: there is already an account named {result.GetValue(name)}; choose another name.");
                return ExitCodes.BadUsage;
            }

            Console.WriteLine(token);
            return ExitCodes.Success;
        });

        var list = new Command("list", "List the accounts: name, role, when each was made, and whether it was revoked.");
        list.SetAction(result =>
        {
            using var store = shared.Store(result);
            if (store is null)
            {
                return ExitCodes.BadUsage;
            }

            Console.WriteLine($"{"name",-24} {"role",-9} {"created",-11} revoked");
            foreach (var user in store.Users())
            {
                var revoked = user.RevokedAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-";
                Console.WriteLine($"{user.Name,-24} {Codes.Of(user.Role),-9} {user.CreatedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),-11} {revoked}");
            }

            return ExitCodes.Success;
        });

        var revokeName = new Argument<string>("name") { Description = "The account to revoke." };
        var revoke = new Command("revoke", "Revoke an account: its token stops working at once; its name stays in the audit log.") { revokeName };
        revoke.SetAction(result =>
        {
            using var store = shared.Store(result);
            if (store is null)
            {
                return ExitCodes.BadUsage;
            }

            if (!store.RevokeUser(result.GetValue(revokeName)!))
            {
                Console.Error.WriteLine($"error: no active account named {result.GetValue(revokeName)}; `marsad users list` shows them.");
                return ExitCodes.BadUsage;
            }

            Console.WriteLine($"{result.GetValue(revokeName)} revoked.");
            return ExitCodes.Success;
        });

        var rotateName = new Argument<string>("name") { Description = "The account to give a new token." };
        var rotate = new Command("rotate", "Give an account a new token and print it; the old token stops working.") { rotateName };
        rotate.SetAction(result =>
        {
            using var store = shared.Store(result);
            if (store is null)
            {
                return ExitCodes.BadUsage;
            }

            if (store.RotateToken(result.GetValue(rotateName)!) is not { } token)
            {
                Console.Error.WriteLine($"error: no active account named {result.GetValue(rotateName)}; `marsad users list` shows them.");
                return ExitCodes.BadUsage;
            }

            Console.WriteLine(token);
            return ExitCodes.Success;
        });

        return new Command("users", "Manage the accounts that may upload, review and retract through the API.") { add, list, revoke, rotate };
    }
}
