using System.Threading.RateLimiting;
using Marsad.Rendering;
using Marsad.Storage;
using Marsad.Web.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Marsad.Web;

/// <summary>
/// The HTTP API (<c>marsad serve</c>): minimal APIs over the store, an OpenAPI document at
/// <c>/openapi/v1.json</c>, ProblemDetails for every error, a store connection a request.
/// </summary>
public static class MarsadWeb
{
    private const string WritePolicy = "writes";

    public static WebApplication Create(WebOptions options, params string[] urls)
    {
        // Marsad reads no settings file, so none is watched: a watcher costs an inotify instance,
        // of which a user has 128, and a test run starts many servers beside a browser.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = ["--hostBuilder:reloadConfigOnChange=false"] });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // A server that cannot start (a busy port) says so by the exception StartAsync throws, which
        // the caller answers in a line; the host's own log of it would be a stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        builder.WebHost.UseUrls(urls);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = options.MaxUploadBytes);
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi(openApi =>
        {
            openApi.AddOperationTransformer<ContractTransformer>();
            openApi.AddDocumentTransformer<ContractTransformer>();
        });
        builder.Services.AddScoped(_ => MarsadStore.OpenMigrated(options.Database));
        // Loaded on the first request that reads claims back as sentences, not at start-up.
        builder.Services.AddSingleton(_ => new ClaimRenderer(options.Extractor.ReadBackProfile));
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(WritePolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.WritesPerMinute, Window = TimeSpan.FromMinutes(1) }));
        });

        if (options.Watch is { } watch)
        {
            builder.Services.AddSingleton(watch);
            builder.Services.AddSingleton(options);
            builder.Services.AddHostedService<WatchService>();
        }

        // The store is created before anything opens it for a request, so its migrations never race.
        MarsadStore.Open(options.Database).Dispose();
        var app = builder.Build();
        app.Use(SecurityHeaders);
        // A body over the limit surfaces while the endpoint reads it: answer with its own 413.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        app.UseRateLimiter();
        app.UseMiddleware<ReadCache>(options);
        // Every read of a request sees one snapshot of the store, so a tally read while an ingest
        // commits never takes documents from one state and claims from another.
        app.Use(async (context, next) =>
        {
            if (!HttpMethods.IsGet(context.Request.Method) || !context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                await next(context);
                return;
            }

            using (context.RequestServices.GetRequiredService<MarsadStore>().ReadSnapshot())
            {
                await next(context);
            }
        });
        app.MapOpenApi();

        var read = app.MapGroup("/api");
        if (!options.OpenReading)
        {
            read.AddEndpointFilter<TokenFilter>().NeedsToken();
        }

        var write = app.MapGroup("/api").AddEndpointFilter<TokenFilter>().NeedsToken().RequireRateLimiting(WritePolicy).Refuses(StatusCodes.Status429TooManyRequests);
        var admin = app.MapGroup("/api").AddEndpointFilter<TokenFilter>().AddEndpointFilter<AdminFilter>().NeedsToken()
            .RequireRateLimiting(WritePolicy).Refuses(StatusCodes.Status403Forbidden, StatusCodes.Status429TooManyRequests);
        DocumentEndpoints.Map(read, write, options);
        ClaimEndpoints.Map(read, write);
        QueueEndpoints.Map(read);
        RetractionEndpoints.Map(read, admin);
        AccountEndpoints.Map(admin);
        TallyEndpoints.Map(read);
        AlertEndpoints.Map(read);
        DashboardEndpoints.Map(app, read);
        return app;
    }

    /// <summary>
    /// Every response — JSON, SVG, problems, the dashboard — is sent with its type enforced and
    /// a content policy that lets it load nothing; the dashboard's pages set their own, wider one.
    /// </summary>
    private static Task SecurityHeaders(HttpContext context, Func<Task> next)
    {
        var response = context.Response;
        response.OnStarting(() =>
        {
            response.Headers.TryAdd("X-Content-Type-Options", "nosniff");
            response.Headers.TryAdd("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
            response.Headers.TryAdd("X-Frame-Options", "DENY");
            response.Headers.TryAdd("Referrer-Policy", "no-referrer");
            response.Headers.TryAdd("Cross-Origin-Resource-Policy", "same-origin");
            return Task.CompletedTask;
        });
        return next();
    }
}
