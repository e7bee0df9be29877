using System.Globalization;
using System.Text.Json;
using Marsad.Model;
using Marsad.Reviews;
using Marsad.Storage;
using Marsad.Web.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marsad.Web;

/// <summary><c>/api/users</c>: the accounts of the API, for admins — as <c>marsad users</c> does.</summary>
internal static class AccountEndpoints
{
    private const string Tag = "accounts";

    public static void Map(RouteGroupBuilder admin)
    {
        admin.MapGet("/users", (MarsadStore store) => new JsonBody(json =>
        {
            json.WriteStartArray();
            foreach (var user in store.Users())
            {
                Write(json, user, token: null);
            }

            json.WriteEndArray();
        })).WithSummary("Every account (admins): name, role, when it was made, when it was revoked.")
            .WithTags(Tag).WithName("listAccounts").Responds(StatusCodes.Status200OK, "Accounts", ApiContract.Json);

        admin.MapPost("/users", (MarsadStore store, AccountRequest request) =>
        {
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            if (string.IsNullOrWhiteSpace(request.Name))
            {
                errors["name"] = ["a name is required: the audit log shows it."];
            }

            var role = request.Role is null ? UserRole.Reviewer : Codes.Parse<UserRole>(request.Role);
            if (role is null)
            {
                errors["role"] = ["reviewer or admin."];
            }

            if (errors.Count > 0)
            {
                return Results.ValidationProblem(errors, title: "The account cannot be made");
            }

            return store.AddUser(request.Name!, role!.Value) is { } token
                ? new JsonBody(json => Write(json, store.Users().Single(u => u.Name == request.Name), token), StatusCodes.Status201Created)
                : Results.Problem(statusCode: StatusCodes.Status409Conflict, title: $"There is already an account named {request.Name}");
        }).WithSummary("Add an account (admins); the response carries its token, shown this once.")
            .WithTags(Tag).WithName("addAccount")
            .Takes(new Body(ApiContract.Json, "AccountRequest"))
            .Responds(StatusCodes.Status201Created, "Account", ApiContract.Json)
            .Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict);

        admin.MapPost("/users/{name}/revoke", (MarsadStore store, string name) =>
            store.RevokeUser(name)
                ? new JsonBody(json => Write(json, store.Users().Single(u => u.Name == name), token: null))
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No active account named {name}"))
            .WithSummary("Revoke an account (admins): its token stops working; its name stays in the logs.")
            .WithTags(Tag).Means("name", "The account's name.").Documented("revokeAccount", "Account", StatusCodes.Status404NotFound);

        admin.MapPost("/users/{name}/rotate", (MarsadStore store, string name) =>
            store.RotateToken(name) is { } token
                ? new JsonBody(json => Write(json, store.Users().Single(u => u.Name == name), token))
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No active account named {name}"))
            .WithSummary("Give an account a new token (admins), shown this once; the old one stops working.")
            .WithTags(Tag).Means("name", "The account's name.").Documented("rotateToken", "Account", StatusCodes.Status404NotFound);
    }

    private static void Write(Utf8JsonWriter json, User user, string? token)
    {
        json.WriteStartObject();
        json.WriteString("name", user.Name);
        json.WriteString("role", Codes.Of(user.Role));
        json.WriteString("created_at", user.CreatedAt.ToString("O", CultureInfo.InvariantCulture));
        json.WriteString("revoked_at", user.RevokedAt?.ToString("O", CultureInfo.InvariantCulture));
        if (token is not null)
        {
            json.WriteString("token", token);
        }

        json.WriteEndObject();
    }
}

/// <summary>The body of a new account: <c>{"name": "rania", "role": "reviewer"}</c>.</summary>
internal sealed record AccountRequest(string? Name, string? Role);
