using System.Text.Json.Nodes;
using Marsad.Model;
using Marsad.Reviews;
using Marsad.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;

namespace Marsad.Web.OpenApi;

/// <summary>
/// Writes the <see cref="ApiContract"/> of each endpoint into the OpenAPI document ASP.NET
/// generates from the routes: responses with their schemas, request bodies, ProblemDetails errors,
/// the bearer scheme; and adds the component schemas of <c>schemas.json</c>, the codebook codes
/// filled in from the model's enums so they cannot drift from what the API writes.
/// </summary>
internal sealed class ContractTransformer : IOpenApiOperationTransformer, IOpenApiDocumentTransformer
{
    private const string Bearer = "bearer";
    private const string ProblemJson = "application/problem+json";

    private static readonly Dictionary<string, string[]> Codes = new(StringComparer.Ordinal)
    {
        ["Category"] = CodesOf<Category>(),
        ["Qualifier"] = CodesOf<Qualifier>(),
        ["Magnitude"] = CodesOf<Magnitude>(),
        ["Role"] = CodesOf<Role>(),
        ["AgeGroup"] = CodesOf<AgeGroup>(),
        ["Sex"] = CodesOf<Sex>(),
        ["Cause"] = CodesOf<Cause>(),
        ["TimeKind"] = CodesOf<TimeKind>(),
        ["ReviewAction"] = CodesOf<ReviewAction>(),
        ["UserRole"] = CodesOf<UserRole>(),
    };

    /// <summary>What each query parameter means wherever it is taken, its format, and its values.</summary>
    private static readonly Dictionary<string, (string? Meaning, string? Format, IReadOnlyList<string>? Values)> Parameters = new(StringComparer.Ordinal)
    {
        ["q"] = ("Only documents whose id, title, source or text contains this.", null, null),
        ["page"] = ("The page, from 1.", null, null),
        ["size"] = ("Items a page, 1 to 500 (50 by default).", null, null),
        ["doc"] = ("Only the claims of this document id.", null, null),
        ["version"] = ("That version of the document (1 for its first text); the latest by default.", null, null),
        ["category"] = ("Only this codebook category (CODEBOOK §3).", null, Codes["Category"]),
        ["actor"] = ("Only this actor code of the conflict profile (IS, SDF, …), in any case.", null, null),
        ["admin1"] = ("Only this first-level division, by its ISO 3166-2 code (SY-DY).", null, null),
        ["date"] = ("Only claims that hold for this day.", "date", null),
        ["status"] = ("Only claims with this review in force.", null, ["unreviewed", "confirm", "reject", "correct"]),
        ["since"] = ("Only running totals counted since this day.", "date", null),
        ["as_of"] = ("The record as it was on this day: only reports published by then (reports of unknown date left out).", "date", null),
        ["series"] = ("A series id, as /api/tally lists them (URL-safe; the older form with '/' is accepted).", null, null),
        ["document"] = ("Only the retractions of this document id.", null, null),
        ["excel"] = ("CSV and HXL begin with a byte-order mark, so that Excel reads them as UTF-8.", null, null),
        ["format"] = ("The file format (docs/exports.md).", null, null),
        ["reviewed"] = ("true: reviewed claims too, after the unreviewed ones; only unreviewed ones by default.", null, null),
    };

    private static readonly Dictionary<string, string> Tags = new(StringComparer.Ordinal)
    {
        ["documents"] = "Reports as ingested, their versions, uploads and retractions.",
        ["claims"] = "Claims (CODEBOOK §2), their reviews and the audit log.",
        ["accounts"] = "The API's accounts and their roles (admins).",
        ["tallies"] = "Series built from the reviewed claims (docs/tallies.md), checks, places and exports (docs/exports.md).",
        ["alerts"] = "What new reports from watched sources changed in the record (docs/monitoring.md), as JSON and as an Atom feed.",
    };

    private static readonly Dictionary<int, string> ProblemMeanings = new()
    {
        [StatusCodes.Status400BadRequest] = "A parameter or the body is malformed; detail says which.",
        [StatusCodes.Status401Unauthorized] = "A reviewer token is needed: Authorization: Bearer TOKEN.",
        [StatusCodes.Status403Forbidden] = "The reviewer's role does not allow this.",
        [StatusCodes.Status404NotFound] = "Nothing has this id.",
        [StatusCodes.Status409Conflict] = "The request conflicts with the stored record.",
        [StatusCodes.Status413PayloadTooLarge] = "The body is larger than the server accepts.",
        [StatusCodes.Status429TooManyRequests] = "Too many writes from this client in a minute.",
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var document = context.Document;
        operation.Responses = [];
        foreach (var response in metadata.OfType<ResponseContract>())
        {
            operation.Responses[response.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new OpenApiResponse
            {
                Description = ReasonPhrases.GetReasonPhrase(response.Status),
                Content = Content(response.Bodies, document),
            };
        }

        var needsToken = metadata.OfType<TokenContract>().Any();
        var problems = metadata.OfType<ProblemContract>().SelectMany(p => p.Statuses)
            .Concat(needsToken ? [StatusCodes.Status401Unauthorized] : [])
            .Distinct()
            .Order();
        foreach (var status in problems)
        {
            operation.Responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new OpenApiResponse
            {
                Description = ProblemMeanings.GetValueOrDefault(status, ReasonPhrases.GetReasonPhrase(status)),
                Content = Content([new Body(ProblemJson, "Problem")], document),
            };
        }

        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            Describe(parameter, metadata.OfType<ParameterContract>().Where(c => c.Parameter == parameter.Name).ToList());
        }

        if (metadata.OfType<RequestContract>().LastOrDefault() is { } request)
        {
            operation.RequestBody = new OpenApiRequestBody { Required = true, Content = Content(request.Bodies, document) };
        }

        // An empty requirement marks an operation anyone may call; the bearer one, one that needs a reviewer token.
        operation.Security = needsToken
            ? [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, document)] = [] }]
            : [new OpenApiSecurityRequirement()];
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Marsad API",
            Version = "1",
            Description = "Conflict reports turned into sourced claims and running tallies. Reading is open unless the server "
                + "was started with --token-to-read; writing needs a reviewer token (`marsad users add NAME`). Errors are "
                + "ProblemDetails (application/problem+json). Series ids are URL-safe (codes joined by '.'); the older form "
                + "with '/' is still accepted.",
        };
        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/');
        }

        document.Tags = new HashSet<OpenApiTag>(Tags.Select(t => new OpenApiTag { Name = t.Key, Description = t.Value }));
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        foreach (var (name, schema) in Schemas())
        {
            document.Components.Schemas[name] = schema;
        }

        // Generated for the raw correction of the review body, whose schema schemas.json replaces.
        document.Components.Schemas.Remove("JsonElement");

        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A reviewer's token, made by `marsad users add NAME`.",
        };
        return Task.CompletedTask;
    }

    /// <summary>A parameter's meaning, format and values: from its endpoint's contract, else from what its name means across the API.</summary>
    private static void Describe(OpenApiParameter parameter, List<ParameterContract> contracts)
    {
        var (meaning, format, values) = Parameters.GetValueOrDefault(parameter.Name ?? "");
        parameter.Description = contracts.Select(c => c.Meaning).LastOrDefault(m => m is not null) ?? meaning;
        values = contracts.Select(c => c.Values).LastOrDefault(v => v is not null) ?? values;
        if (parameter.Schema is OpenApiSchema schema)
        {
            schema.Format ??= format;
            if (values is not null)
            {
                schema.Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))];
            }
        }
    }

    /// <summary>The component schemas of <c>schemas.json</c>, codebook codes filled in.</summary>
    private static IEnumerable<(string Name, IOpenApiSchema Schema)> Schemas()
    {
        using var stream = typeof(ContractTransformer).Assembly.GetManifestResourceStream("Marsad.Web.OpenApi.schemas.json")!;
        using var reader = new StreamReader(stream);
        var parsed = OpenApiDocument.Parse(reader.ReadToEnd(), "json");
        if (parsed.Diagnostic?.Errors is { Count: > 0 } errors)
        {
            throw new InvalidDataException("schemas.json: " + string.Join("; ", errors.Select(e => e.Message)));
        }

        foreach (var (name, schema) in parsed.Document!.Components!.Schemas!)
        {
            if (Codes.TryGetValue(name, out var codes) && schema is OpenApiSchema open)
            {
                open.Enum = [.. codes.Select(c => (JsonNode)JsonValue.Create(c))];
            }

            yield return (name, schema);
        }
    }

    private static Dictionary<string, OpenApiMediaType> Content(IEnumerable<Body> bodies, OpenApiDocument? document) =>
        bodies.ToDictionary(
            b => b.MediaType,
            b => new OpenApiMediaType
            {
                Schema = b.Schema is { } name
                    ? new OpenApiSchemaReference(name, document)
                    : new OpenApiSchema { Type = JsonSchemaType.String, Format = b.MediaType.StartsWith("text/", StringComparison.Ordinal) ? null : "binary" },
            },
            StringComparer.Ordinal);

    private static string[] CodesOf<T>()
        where T : struct, Enum => [.. Enum.GetValues<T>().Select(v => ClaimJson.Code(v))];
}
