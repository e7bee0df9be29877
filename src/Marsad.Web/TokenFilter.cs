using Marsad.Reviews;
using Marsad.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Marsad.Web;

/// <summary>
/// Lets a request through only with <c>Authorization: Bearer TOKEN</c> of an account made by
/// <c>marsad users add</c> and not revoked; the account is then in <see cref="User"/>.
/// </summary>
internal sealed class TokenFilter : IEndpointFilter
{
    private const string UserKey = "marsad.user";

    public static User User(HttpContext context) => (User)context.Items[UserKey]!;

    public static string Reviewer(HttpContext context) => User(context).Name;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var header = http.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        var store = http.RequestServices.GetRequiredService<MarsadStore>();
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) || store.Authenticate(header[scheme.Length..].Trim()) is not { } user)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return Results.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "A reviewer token is needed",
                detail: "Send Authorization: Bearer TOKEN; `marsad users add NAME` makes a token.");
        }

        http.Items[UserKey] = user;
        return await next(context);
    }
}

/// <summary>After <see cref="TokenFilter"/>: lets only an admin through (retractions, accounts).</summary>
internal sealed class AdminFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (TokenFilter.User(context.HttpContext).Role != UserRole.Admin)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "This needs an admin",
                detail: "Retracting documents and managing accounts is for admins: `marsad users add NAME --role admin`.");
        }

        return await next(context);
    }
}
