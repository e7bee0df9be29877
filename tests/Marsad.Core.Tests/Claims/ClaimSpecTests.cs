using System.Text.Json;
using Marsad.Extraction;
using Marsad.Model;
using Marsad.Serialization;

namespace Marsad.Tests.Claims;

/// <summary>Runs every report of the spec files under <c>Specs/</c> and checks its claims.</summary>
public sealed class ClaimSpecTests
{
    public static TheoryData<string, int> Reports()
    {
        var data = new TheoryData<string, int>();
        foreach (var spec in ClaimSpec.All())
        {
            data.Add(spec.File, spec.Line);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Reports))]
    public void Report_yields_the_specified_claims(string file, int line)
    {
        var spec = ClaimSpec.All().Single(s => s.File == file && s.Line == line);
        var claims = ClaimExtractor.Default
            .Extract(new SourceDocument("spec", spec.Text, new DocumentMetadata(Published: spec.Published))).Claims
            .Where(c => c.Category != Category.Other || spec.Expected.Any(e => e.Fields.GetValueOrDefault("category") == "other"))
            .ToList();

        var found = string.Join("\n", claims.Select(c => c.Text + " " + ClaimJson.ToJson(c)));
        Assert.True(spec.Expected.Count == claims.Count, $"{file}:{line}: expected {spec.Expected.Count} claims, found {claims.Count}:\n{found}");
        foreach (var (expected, claim) in spec.Expected.Zip(claims))
        {
            Assert.Equal(expected.Text, claim.Text);
            using var json = JsonDocument.Parse(ClaimJson.ToJson(claim));
            foreach (var (key, value) in expected.Fields)
            {
                var actual = Actual(json.RootElement, key, claims);
                Assert.True(value == actual, $"{file}:{line}: {expected.Text} {key}: expected {value}, found {actual}\n{found}");
            }
        }
    }

    private static string Actual(JsonElement claim, string key, List<Claim> claims)
    {
        if (key == "parent")
        {
            var parent = claim.GetProperty("parent").GetString();
            return parent is null ? "none" : claims.Single(c => c.Id == parent).Text;
        }

        if (key == "also")
        {
            return claim.TryGetProperty("also", out var also) ? string.Join(',', also.EnumerateArray().Select(e => e.GetString())) : "none";
        }

        var element = key switch
        {
            "actor" or "role" or "age" or "sex" or "nationality" => claim.GetProperty("group").GetProperty(key),
            "kind" or "since" or "as_of" or "start" or "end" => claim.GetProperty("time").GetProperty(key),
            "admin1" => claim.GetProperty("place") is { ValueKind: JsonValueKind.Object } place ? place.GetProperty(key) : claim.GetProperty("place"),
            _ => claim.GetProperty(key),
        };
        return element.ValueKind == JsonValueKind.Null ? "none" : element.ToString();
    }
}

/// <summary>
/// One report of a spec file and the claims it must yield. A line "@published YYYY-MM-DD" dates the
/// reports after it; "\n" in a report stands for a line break.
/// </summary>
internal sealed record ClaimSpec(
    string File, int Line, string Text, DateOnly? Published, List<(string Text, Dictionary<string, string> Fields)> Expected)
{
    private static readonly Lazy<List<ClaimSpec>> Loaded = new(Load);

    public static List<ClaimSpec> All() => Loaded.Value;

    private static List<ClaimSpec> Load()
    {
        var specs = new List<ClaimSpec>();
        var folder = Path.Combine(AppContext.BaseDirectory, "Specs");
        foreach (var path in Directory.GetFiles(folder, "*.spec").Order(StringComparer.Ordinal))
        {
            var file = Path.GetFileName(path);
            ClaimSpec? current = null;
            DateOnly? published = null;
            var number = 0;
            foreach (var line in System.IO.File.ReadLines(path))
            {
                number++;
                if (line.StartsWith("@published ", StringComparison.Ordinal))
                {
                    published = DateOnly.ParseExact(line["@published ".Length..].Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                }
                else if (line.StartsWith("==", StringComparison.Ordinal))
                {
                    current = new ClaimSpec(file, number, line[2..].Trim().Replace("\\n", "\n", StringComparison.Ordinal), published, []);
                    specs.Add(current);
                }
                else if (current is not null && line.Length > 0 && line[0] != '#' && line != "(no claims)")
                {
                    current.Expected.Add(ParseExpected(line));
                }
            }
        }

        return specs;
    }

    /// <summary>"36 ألف category=exited": the figure is everything before the first key=value.</summary>
    private static (string, Dictionary<string, string>) ParseExpected(string line)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var figure = string.Join(' ', words.TakeWhile(w => !w.Contains('=', StringComparison.Ordinal)));
        // A word without "=" continues the value before it: "parent=40 ألف".
        var fields = new Dictionary<string, string>();
        var key = "";
        foreach (var word in words.SkipWhile(w => !w.Contains('=', StringComparison.Ordinal)))
        {
            if (word.Split('=', 2) is [var name, var value])
            {
                (key, fields[name]) = (name, value);
            }
            else
            {
                fields[key] += " " + word;
            }
        }

        return (figure, fields);
    }
}
