using System.Reflection;
using System.Text.Json;

namespace Marsad.Monitoring;

/// <summary>Where a site keeps its article: a selector of the body, and selectors of furniture to leave out.</summary>
public sealed record SiteRule(string? Body, IReadOnlyList<string> Drop);

/// <summary>
/// Per-site overrides of article extraction, as data (<c>sites.json</c>, and a user's file of the
/// same shape with <c>marsad watch --sites</c>): a host's own rule adds to the rule of every site
/// (<c>"*"</c>) — a page template defeats a generic extractor more often than its text does.
/// </summary>
public sealed class SiteRules
{
    private const string Every = "*";

    private readonly Dictionary<string, SiteRule> rules;

    private SiteRules(Dictionary<string, SiteRule> rules) => this.rules = rules;

    public static SiteRules Default { get; } = Parse(Embedded()) ?? throw new InvalidOperationException("sites.json is not valid.");

    /// <summary>The default rules with a user's file laid over them; null with a reason when the file is bad.</summary>
    public static (SiteRules? Rules, string? Error) Read(string path)
    {
        try
        {
            if (Parse(File.ReadAllText(path)) is not { } user)
            {
                return (null, $"{path}: expected an object of hosts, each {{\"body\": selector, \"drop\": [selectors]}}");
            }

            var merged = new Dictionary<string, SiteRule>(Default.rules, StringComparer.OrdinalIgnoreCase);
            foreach (var (host, rule) in user.rules)
            {
                merged[host] = host == Every ? new SiteRule(rule.Body ?? merged[Every].Body, [.. merged[Every].Drop, .. rule.Drop]) : rule;
            }

            return (new SiteRules(merged), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return (null, $"{path}: {e.Message}");
        }
    }

    /// <summary>The rule for a host: its own body selector, and its drops after everyone's.</summary>
    public SiteRule For(string host)
    {
        var every = rules.GetValueOrDefault(Every) ?? new SiteRule(null, []);
        var own = rules.GetValueOrDefault(host) ?? (host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? rules.GetValueOrDefault(host[4..]) : null);
        return own is null ? every : new SiteRule(own.Body ?? every.Body, [.. every.Drop, .. own.Drop]);
    }

    private static SiteRules? Parse(string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var rules = new Dictionary<string, SiteRule>(StringComparer.OrdinalIgnoreCase);
        foreach (var host in document.RootElement.EnumerateObject().Where(p => !p.Name.StartsWith('_')))
        {
            if (host.Value.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var body = host.Value.TryGetProperty("body", out var b) && b.ValueKind == JsonValueKind.String ? b.GetString() : null;
            var drop = host.Value.TryGetProperty("drop", out var d) && d.ValueKind == JsonValueKind.Array
                ? d.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
                : [];
            rules[host.Name] = new SiteRule(body, drop);
        }

        return new SiteRules(rules);
    }

    private static string Embedded()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Marsad.Monitoring.sites.json")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
