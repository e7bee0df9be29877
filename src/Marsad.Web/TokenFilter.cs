using Marsad.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Marsad.Web;

/// <summary>
/// Lets a request through only with <c>Authorization: Bearer TOKEN</c> of a reviewer made by
/// <c>marsad users add</c>; the reviewer's name is then in <see cref="Reviewer"/>.
/// </summary>
internal sealed class TokenFilter : IEndpointFilter
{
    private const string ReviewerKey = "marsad.reviewer";

    public static string Reviewer(HttpContext context) => (string)context.Items[ReviewerKey]!;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var header = http.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        var store = http.RequestServices.GetRequiredService<MarsadStore>();
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) || store.Authenticate(header[scheme.Length..].Trim()) is not { } reviewer)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return Results.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "A reviewer token is needed",
                detail: "Send Authorization: Bearer TOKEN; `marsad users add NAME` makes a token.");
        }

        http.Items[ReviewerKey] = reviewer;
        return await next(context);
    }
}
