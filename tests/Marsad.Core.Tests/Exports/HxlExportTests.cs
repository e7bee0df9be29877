using System.Text.RegularExpressions;
using Marsad.Exports;
using Marsad.Model;
using Marsad.Tallies;
using static Marsad.Tests.Exports.TallyRowTests;

namespace Marsad.Tests.Exports;

/// <summary>
/// The HXL export read back as an HXL reader reads it (libhxl's conventions; libhxl itself is not
/// installable here): the hashtag row found under the header, every hashtag and attribute valid
/// under the HXL 1.1 grammar, tags from the HXL 1.1 dictionary, and no column mixing running
/// totals with period counts.
/// </summary>
public sealed partial class HxlExportTests
{
    /// <summary>The core hashtags of the HXL 1.1 dictionary (hxlstandard.org/standard/1-1final/dictionary).</summary>
    private static readonly HashSet<string> CoreHashtags =
    [
        "#access", "#activity", "#adm1", "#adm2", "#adm3", "#adm4", "#adm5", "#affected", "#beneficiary", "#capacity", "#cause",
        "#channel", "#contact", "#country", "#crisis", "#currency", "#date", "#delivery", "#description", "#event", "#frequency",
        "#geo", "#group", "#impact", "#indicator", "#inneed", "#item", "#loc", "#meta", "#modality", "#need", "#operations", "#org",
        "#output", "#population", "#reached", "#region", "#respondee", "#sector", "#service", "#severity", "#status", "#subsector",
        "#targeted", "#value",
    ];

    private static List<List<string>> Export(params Mention[] mentions)
    {
        using var writer = new StringWriter();
        HxlExport.Write(writer, TallyRow.Of(TallyBuilder.Build(mentions).Series));
        return ReadCsv(writer.ToString());
    }

    private static readonly Mention[] Mixed =
    [
        Mention("a#1", 388, "2019-01-24"),
        Mention("a#2", 12, "2019-01-24", kind: TimeKind.Period, start: "2019-01-23"),
        Mention("b#1", 400, "2019-01-30"),
        Mention("b#2", 7, "2019-01-30", kind: TimeKind.Period),
        Mention("c#1", 56680, "2019-03-05", category: Category.Exited),
    ];

    [Fact]
    public void The_hashtag_row_is_valid_HXL_1_1()
    {
        var table = Export(Mixed);
        // An HXL reader takes the first row whose non-empty cells are all hashtag specs as the hashtag row.
        var hashtagRow = table.FindIndex(row => row.All(cell => cell.Length == 0 || cell.StartsWith('#')));
        Assert.Equal(1, hashtagRow);
        foreach (var spec in table[1])
        {
            var match = TagSpec().Match(spec);
            Assert.True(match.Success, $"'{spec}' is not an HXL 1.1 tag spec (#tag+attribute…, lower case)");
            Assert.Contains(match.Groups["tag"].Value, CoreHashtags);
            var attributes = match.Groups["attribute"].Captures.Select(c => c.Value).ToList();
            Assert.Equal(attributes.Count, attributes.Distinct().Count());
        }

        Assert.Equal(table[1].Count, table[1].Distinct().Count());
        Assert.All(table.Skip(2), row => Assert.Equal(table[0].Count, row.Count));
    }

    [Fact]
    public void No_column_mixes_running_totals_and_period_counts()
    {
        var table = Export(Mixed);
        var kind = table[1].IndexOf("#indicator+kind");
        for (var column = 0; column < table[1].Count; column++)
        {
            var attributes = table[1][column].Split('+').Skip(1).ToHashSet();
            var kinds = table.Skip(2).Where(row => row[column].Length > 0).Select(row => row[kind]).Distinct().ToList();
            if (attributes.Contains("total"))
            {
                Assert.All(kinds, k => Assert.Equal("cumulative", k));
            }
            else if (attributes.Contains("period"))
            {
                Assert.All(kinds, k => Assert.Equal("period", k));
            }
            else if (table[1][column].StartsWith("#affected", StringComparison.Ordinal) || table[1][column].StartsWith("#indicator+low", StringComparison.Ordinal))
            {
                Assert.Fail($"{table[1][column]} holds figures but does not say whether they are running totals or period counts");
            }
        }

        var killedTotals = table.Skip(2).Select(row => row[table[1].IndexOf("#affected+killed+total")]).Where(v => v.Length > 0);
        Assert.Equal(["388", "400"], killedTotals);
        var killedInPeriods = table.Skip(2).Select(row => row[table[1].IndexOf("#affected+killed+period")]).Where(v => v.Length > 0);
        Assert.Equal(["12", "7"], killedInPeriods);
        Assert.Equal("56680", table.Single(row => row[1].StartsWith("exited", StringComparison.Ordinal))[table[1].IndexOf("#affected+exited+total")]);
    }

    [Fact]
    public void Families_and_things_never_share_a_column_with_people()
    {
        var families = Mention("a#1", 30, "2019-01-24");
        var table = Export(families with { Claim = families.Claim with { Unit = Units.Family } });
        var row = table[2];
        Assert.Equal("", row[table[1].IndexOf("#affected+killed+total")]);
        Assert.Equal("30", row[table[1].IndexOf("#indicator+value+total")]);
        Assert.Equal("family", row[table[1].IndexOf("#indicator+unit")]);
    }

    [Fact]
    public void A_cell_a_spreadsheet_would_run_as_a_formula_is_neutralised()
    {
        var table = Export(Mention("a#1", 5, "2019-01-24", actor: "=HYPERLINK(\"http://evil.example\",\"x\")"), Mention("b#1", 6, "2019-01-24", actor: "@SUM(A1)"));
        var actors = table.Skip(2).Select(row => row[table[1].IndexOf("#group+code")]).ToList();
        Assert.Equal(["'=HYPERLINK(\"http://evil.example\",\"x\")", "'@SUM(A1)"], actors);
    }

    [Fact]
    public void Arabic_survives_the_round_trip_and_every_point_carries_its_codes()
    {
        var table = Export(Mention("a#1", 5, "2019-01-24", place: new Place("محافظة دير الزور", "SY-DY", "opensyria:sy-deir-ez-zor", 35.17, 40.28), url: "https://example.org/a"));
        string Cell(string tag) => table[2][table[1].IndexOf(tag)];
        Assert.Equal(("محافظة دير الزور", "SY-DY", "SY09", "3", "1"), (Cell("#loc+name"), Cell("#adm1+iso"), Cell("#adm1+code"), Cell("#geo+precision"), Cell("#date+precision")));
        Assert.Equal(("SOHR", "https://example.org/a", "unreviewed", TallyColumns.SchemaVersion), (Cell("#meta+source"), Cell("#meta+url"), Cell("#status+review"), Cell("#meta+schema")));
    }

    /// <summary>RFC 4180, as a spreadsheet reads it: quoted fields with doubled quotes, CRLF between rows.</summary>
    internal static List<List<string>> ReadCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        Assert.True(field.Length == 0 && row.Count == 0, "the CSV does not end with CRLF");
        return rows;
    }

    /// <summary>HXL 1.1 tag spec: #tag then +attributes, each a letter then letters, digits or underscores; lower case by convention.</summary>
    [GeneratedRegex(@"^(?<tag>#[a-z][a-z0-9_]*)(\+(?<attribute>[a-z][a-z0-9_]*))*$")]
    private static partial Regex TagSpec();
}
