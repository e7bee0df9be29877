using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Marsad.Exports;
using Marsad.Model;
using Marsad.Tallies;
using Marsad.Tests.Support;
using static Marsad.Tests.Exports.TallyRowTests;

namespace Marsad.Tests.Exports;

/// <summary>The CSV, JSON and xlsx tally exports read back: the columns of docs/exports.md, Arabic intact, numbers as numbers.</summary>
public sealed class TallyExportsTests
{
    internal static readonly Tally Tally = TallyBuilder.Build([
        Mention("a#1", 388, "2019-01-24", place: new Place("محافظة دير الزور", "SY-DY", "opensyria:sy-deir-ez-zor", 35.16667, 40.28333)),
        Mention("a#2", 12, "2019-01-24", kind: TimeKind.Period, actor: "=HYPERLINK(\"http://evil.example\")"),
    ]);

    internal static byte[] Export(ExportFormat format, bool excel = false)
    {
        using var output = new MemoryStream();
        TallyExports.Write(output, Tally.Series, format, excel);
        return output.ToArray();
    }

    [Fact]
    public void The_CSV_is_UTF_8_and_starts_with_a_byte_order_mark_only_for_Excel()
    {
        byte[] bom = [0xEF, 0xBB, 0xBF];
        Assert.False(Export(ExportFormat.Csv).AsSpan().StartsWith(bom));
        var excel = Export(ExportFormat.Csv, excel: true);
        Assert.True(excel.AsSpan().StartsWith(bom));
        Assert.True(Export(ExportFormat.Hxl, excel: true).AsSpan().StartsWith(bom));
        var table = HxlExportTests.ReadCsv(Encoding.UTF8.GetString(excel.AsSpan(3)));
        Assert.Equal(TallyColumns.All.Select(c => c.Name), table[0]);
        var total = table.FindIndex(row => row.Contains("cumulative"));
        var period = table.FindIndex(row => row.Contains("period"));
        string Cell(int row, string column) => table[row][table[0].IndexOf(column)];
        Assert.Equal(("محافظة دير الزور", "388", "SY09"), (Cell(total, "place"), Cell(total, "best"), Cell(total, "admin1_pcode")));
        Assert.Equal("'=HYPERLINK(\"http://evil.example\")", Cell(period, "actor"));
    }

    [Fact]
    public void The_JSON_has_a_schema_version_the_column_meanings_and_typed_rows()
    {
        var json = JsonDocument.Parse(Export(ExportFormat.Json)).RootElement;
        Assert.Equal(TallyColumns.SchemaVersion, json.GetProperty("schema_version").GetString());
        Assert.Equal(TallyColumns.All.Select(c => c.Name), json.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        var total = json.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("kind").GetString() == "cumulative");
        Assert.Equal(388, total.GetProperty("best").GetInt64());
        Assert.Equal(["a#1"], total.GetProperty("claims").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("محافظة دير الزور", total.GetProperty("place").GetString());
        // A formula is harmless in JSON: no spreadsheet runs it, so it is kept as written.
        var period = json.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("kind").GetString() == "period");
        Assert.StartsWith("=HYPERLINK", period.GetProperty("actor").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_workbook_opens_as_OOXML_with_Arabic_text_and_numbers_as_numbers()
    {
        using var zip = new ZipArchive(new MemoryStream(Export(ExportFormat.Xlsx)), ZipArchiveMode.Read);
        XNamespace main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        XDocument Part(string name) => XDocument.Load(zip.GetEntry(name)!.Open());
        Assert.NotNull(zip.GetEntry("[Content_Types].xml"));
        Assert.Equal(["tally", "columns"], Part("xl/workbook.xml").Descendants(main + "sheet").Select(s => s.Attribute("name")!.Value));
        var rows = Part("xl/worksheets/sheet1.xml").Descendants(main + "row").ToList();
        Assert.Equal(3, rows.Count);
        Dictionary<string, XElement> Cells(XElement row) => row.Elements(main + "c").ToDictionary(c => new string([.. c.Attribute("r")!.Value.TakeWhile(char.IsLetter)]));
        var header = Cells(rows[0]).ToDictionary(c => c.Value.Value, c => c.Key);
        Assert.Equal(TallyColumns.All.Count, header.Count);
        var total = Cells(rows.Single(r => Cells(r).Values.Any(c => c.Value == "cumulative")));
        Assert.Equal("محافظة دير الزور", total[header["place"]].Value);
        Assert.Equal("inlineStr", total[header["place"]].Attribute("t")!.Value);
        Assert.Null(total[header["best"]].Attribute("t"));
        Assert.Equal("388", total[header["best"]].Element(main + "v")!.Value);
        // Inline strings are never formulas: the actor is text, as written.
        Assert.Equal("=HYPERLINK(\"http://evil.example\")", Cells(rows.Single(r => Cells(r).Values.Any(c => c.Value == "period")))[header["actor"]].Value);
        Assert.Empty(Part("xl/worksheets/sheet1.xml").Descendants(main + "f"));
        var meanings = Part("xl/worksheets/sheet2.xml").Descendants(main + "row").Skip(1).Select(r => r.Elements(main + "c").First().Value);
        Assert.Equal(TallyColumns.All.Select(c => c.Name), meanings);
    }

    [Fact]
    public void Docs_exports_md_explains_every_column()
    {
        var doc = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "docs", "exports.md"));
        Assert.All(TallyColumns.All, column => Assert.Contains($"| `{column.Name}` |", doc, StringComparison.Ordinal));
    }
}
