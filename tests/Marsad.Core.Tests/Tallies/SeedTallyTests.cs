using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Marsad.Exports;
using Marsad.Extraction;
using Marsad.Ingest;
using Marsad.Model;
using Marsad.Tallies;
using Marsad.Tests.Support;

namespace Marsad.Tests.Tallies;

/// <summary>The series of the five seed reports, as issue 5 states them, and their exports read back.</summary>
public sealed partial class SeedTallyTests
{
    private static readonly Lazy<Tally> Seeds = new(() => TallyBuilder.Build(
        ReportReader.Read([SharedData.PathTo("corpus", "seeds")], DocumentMetadata.None)
            .OfType<ReadDocument>()
            .SelectMany(read =>
            {
                var extraction = ClaimExtractor.Default.Extract(read.Document);
                return extraction.Claims.Select(c => new Mention(c, extraction.Publication.Date, "SOHR"));
            })));

    private static List<(string? AsOf, long Value, Qualifier Qualifier, int Mentions)> Points(string id) =>
        [.. Assert.Single(Seeds.Value.Series, s => s.Id == id).Points.Select(p => (p.AsOf?.ToString(), p.Value, p.Qualifier, p.Mentions.Count))];

    [Fact]
    public void Exits_since_the_first_of_December()
    {
        Assert.Equal(
            [("2019-01-24", 28150L, Qualifier.Exact, 1), ("2019-01-30", 36250, Qualifier.Exact, 2), ("2019-03-05", 56680, Qualifier.Exact, 1), (null, 26950, Qualifier.Exact, 1)],
            Points("exited.person.SY-DY.since-2018-12-01"));
    }

    [Fact]
    public void Exits_since_the_American_decision()
    {
        Assert.Equal(
            [("2019-01-24", 26100L, Qualifier.MoreThan, 1), ("2019-01-30", 34200, Qualifier.MoreThan, 1), ("2019-03-05", 54680, Qualifier.MoreThan, 1)],
            Points("exited.person.SY-DY.since-2018-12-19"));
    }

    [Fact]
    public void Fighters_detained_since_the_first_of_December_with_the_repeated_2100_once()
    {
        Assert.Equal(
            [("2019-01-24", 2100L, Qualifier.Approx, 3), ("2019-01-30", 3370, Qualifier.Approx, 1), ("2019-03-05", 5972, Qualifier.Approx, 1), (null, 1770, Qualifier.Approx, 1)],
            Points("detained.IS.fighter.SY-DY.since-2018-12-01"));
    }

    [Fact]
    public void Fighters_killed_since_the_tenth_of_September_and_the_undated_recap()
    {
        Assert.Equal([("2019-01-24", 1213L, Qualifier.Exact, 2), (null, 414, Qualifier.AtLeast, 1)], Points("killed.IS.fighter.SY-DY.since-2018-09-10"));
        Assert.Equal([("2019-01-24", 653L, Qualifier.Exact, 2), (null, 227, Qualifier.AtLeast, 1)], Points("killed.SDF.fighter.SY-DY.since-2018-09-10"));
    }

    [Fact]
    public void Civilians_killed_with_their_children_and_women()
    {
        Assert.Equal([("2019-01-24", 388L, Qualifier.Exact, 2)], Points("killed.civilian.SY-DY.since-2018-09-10"));
        Assert.Equal([("2019-01-24", 141L, Qualifier.Exact, 2)], Points("killed.civilian.child.SY-DY.since-2018-09-10"));
        Assert.Equal([("2019-01-24", 86L, Qualifier.Exact, 2)], Points("killed.civilian.female.SY-DY.since-2018-09-10"));
    }

    [Fact]
    public void Daily_exits()
    {
        var dated = Points("exited.person.SY-DY.period").Where(p => p.AsOf is not null).ToList();
        Assert.Equal([("2019-01-24", 1000L, Qualifier.Approx, 1), ("2019-03-04", 1600, Qualifier.Approx, 2), ("2019-03-05", 2200, Qualifier.Exact, 2)], dated);
    }

    [Fact]
    public void The_seeds_raise_no_series_warning()
    {
        Assert.Empty(Seeds.Value.Warnings);
    }

    [Fact]
    public void The_HXL_export_has_valid_hashtags_and_a_row_a_point()
    {
        using var writer = new StringWriter();
        HxlExport.Write(writer, TallyRow.Of(Seeds.Value.Series));
        var rows = writer.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var tags = rows[1].Split(',');
        Assert.All(tags, tag => Assert.Matches(HashtagSyntax(), tag));
        Assert.Contains("#adm1+code", tags);
        Assert.Equal(Seeds.Value.Series.Sum(s => s.Points.Count), rows.Length - 2);
        var killed = Array.IndexOf(tags, "#affected+killed+total");
        Assert.Contains(rows.Skip(2), row => row.StartsWith("1,killed.civilian.SY-DY.since-2018-09-10,", StringComparison.Ordinal) && row.Split(',')[killed] == "388");
    }

    [Fact]
    public void The_GeoJSON_export_is_a_feature_collection_of_places_with_figures()
    {
        using var stream = new MemoryStream();
        TallyExports.Write(stream, Seeds.Value.Series, ExportFormat.Geojson);
        using var json = JsonDocument.Parse(Encoding.UTF8.GetString(stream.ToArray()));
        Assert.Equal("FeatureCollection", json.RootElement.GetProperty("type").GetString());
        Assert.Equal(TallyColumns.SchemaVersion, json.RootElement.GetProperty("schema_version").GetString());
        var features = json.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.NotEmpty(features);
        foreach (var feature in features)
        {
            var coordinates = feature.GetProperty("geometry").GetProperty("coordinates");
            Assert.InRange(coordinates[0].GetDouble(), 35, 43);
            Assert.InRange(coordinates[1].GetDouble(), 32, 38);
            Assert.NotEqual(0, feature.GetProperty("properties").GetProperty("figures").GetArrayLength());
        }

        var exits = features.SelectMany(f => f.GetProperty("properties").GetProperty("figures").EnumerateArray())
            .Where(f => f.GetProperty("series").GetString() == "exited.person.SY-DY.since-2018-12-01");
        Assert.Contains(exits, f => f.GetProperty("best").GetInt64() == 56680 && f.GetProperty("as_of").GetString() == "2019-03-05");
    }

    /// <summary>HXL 1.1: a hashtag, then attributes, each lower-case letters, digits and underscores.</summary>
    [GeneratedRegex(@"^#[a-z][a-z0-9_]*(\+[a-z][a-z0-9_]*)*$")]
    private static partial Regex HashtagSyntax();
}
