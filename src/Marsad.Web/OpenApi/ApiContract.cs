using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marsad.Web.OpenApi;

/// <summary>
/// What an endpoint promises, for the OpenAPI document (<see cref="ContractTransformer"/>): the
/// operation id, the body it takes and answers with (component schemas of <c>schemas.json</c>), and
/// the errors it may answer with as ProblemDetails. Endpoints write their JSON by hand
/// (<see cref="JsonBody"/>), so their shapes are written down here rather than read from types; the
/// API tests read every documented GET from the live API and check it against these schemas.
/// </summary>
internal static class ApiContract
{
    public const string Json = "application/json";

    /// <summary>The operation id, the schema of its 200 body, and the errors it may give.</summary>
    public static RouteHandlerBuilder Documented(this RouteHandlerBuilder endpoint, string operationId, string schema, params int[] problems) =>
        endpoint.WithName(operationId).Responds(StatusCodes.Status200OK, schema, Json).Refuses(problems);

    /// <summary>A response of <paramref name="status"/>: a body of one component schema, or a file when <paramref name="schema"/> is null.</summary>
    public static RouteHandlerBuilder Responds(this RouteHandlerBuilder endpoint, int status, string? schema, params string[] mediaTypes) =>
        endpoint.WithMetadata(new ResponseContract(status, [.. mediaTypes.Select(m => new Body(m, schema))]));

    /// <summary>A response of <paramref name="status"/> with a body of its own schema for each media type.</summary>
    public static RouteHandlerBuilder Responds(this RouteHandlerBuilder endpoint, int status, params Body[] bodies) =>
        endpoint.WithMetadata(new ResponseContract(status, bodies));

    /// <summary>The request body, one schema (or text, when null) a media type.</summary>
    public static RouteHandlerBuilder Takes(this RouteHandlerBuilder endpoint, params Body[] bodies) =>
        endpoint.WithMetadata(new RequestContract(bodies));

    /// <summary>The values a parameter takes.</summary>
    public static RouteHandlerBuilder Allows(this RouteHandlerBuilder endpoint, string parameter, params string[] values) =>
        endpoint.WithMetadata(new ParameterContract(parameter, null, values));

    /// <summary>What a parameter of this endpoint means, where its name alone does not say (an id).</summary>
    public static RouteHandlerBuilder Means(this RouteHandlerBuilder endpoint, string parameter, string meaning) =>
        endpoint.WithMetadata(new ParameterContract(parameter, meaning, null));

    /// <summary>Errors the endpoint answers with as ProblemDetails.</summary>
    public static RouteHandlerBuilder Refuses(this RouteHandlerBuilder endpoint, params int[] statuses) =>
        endpoint.WithMetadata(new ProblemContract(statuses));

    /// <summary>Every endpoint of the group needs a reviewer token: the bearer scheme, and a 401.</summary>
    public static RouteGroupBuilder NeedsToken(this RouteGroupBuilder group) => group.WithMetadata(TokenContract.Instance);

    /// <summary>Errors every endpoint of the group may answer with (a 429 of the rate limit, a 403 of a role).</summary>
    public static RouteGroupBuilder Refuses(this RouteGroupBuilder group, params int[] statuses) => group.WithMetadata(new ProblemContract(statuses));
}

/// <summary>A body of one media type, described by a component schema of <c>schemas.json</c>; null for text or a file.</summary>
internal sealed record Body(string MediaType, string? Schema = null);

internal sealed record ResponseContract(int Status, IReadOnlyList<Body> Bodies);

internal sealed record RequestContract(IReadOnlyList<Body> Bodies);

internal sealed record ParameterContract(string Parameter, string? Meaning, IReadOnlyList<string>? Values);

internal sealed record ProblemContract(IReadOnlyList<int> Statuses);

internal sealed class TokenContract
{
    public static TokenContract Instance { get; } = new();
}
