using System.Diagnostics;
using System.Text;
using Marsad.Exports;
using Marsad.Tests.Support;

namespace Marsad.Tests.Exports;

/// <summary>
/// The CSV and xlsx exports opened by a real spreadsheet, LibreOffice Calc (Debian's
/// <c>libreoffice-calc-nogui</c>, installed by <c>./test</c>), and written back as CSV: the cells
/// are what Marsad wrote, Arabic intact, figures as numbers, no formula run.
/// </summary>
public sealed class SpreadsheetTests : IDisposable
{
    // Calc's CSV filter options: comma, double quote, UTF-8 (76), from line 1.
    private const string CsvFilter = "Text - txt - csv (StarCalc):44,34,76,1";

    private readonly TempFolder folder = new();

    [Fact]
    public void The_CSV_export_opens_in_a_spreadsheet_with_its_Arabic_and_its_numbers_intact()
    {
        var written = TallyExportsTests.Export(ExportFormat.Csv, excel: true);
        var path = folder.File("tally.csv", written);
        var read = Calc(path, infilter: CsvFilter);
        Assert.Equal(HxlExportTests.ReadCsv(Encoding.UTF8.GetString(written.AsSpan(3))), Cells(read));
        // Calc quotes the text it read and leaves numbers bare: the place is text, the figure a number.
        Assert.Contains("\"محافظة دير الزور\"", read, StringComparison.Ordinal);
        Assert.Contains(",388,", read, StringComparison.Ordinal);
    }

    [Fact]
    public void The_xlsx_export_opens_in_a_spreadsheet_with_the_same_cells_as_the_CSV()
    {
        var path = folder.File("tally.xlsx", TallyExportsTests.Export(ExportFormat.Xlsx));
        var read = Calc(path, infilter: null);
        var csv = HxlExportTests.ReadCsv(Encoding.UTF8.GetString(TallyExportsTests.Export(ExportFormat.Csv)));
        var cells = Cells(read);
        Assert.Equal(csv[0], cells[0]);
        // The CSV neutralises a formula with a leading apostrophe; the workbook needs none, its cells are text.
        Assert.Equal(csv.Skip(1).Select(r => r.Select(c => c.TrimStart('\''))), cells.Skip(1));
        // Calc quotes the text it read and leaves numbers bare: the place is text, the figure a number.
        Assert.Contains("\"محافظة دير الزور\"", read, StringComparison.Ordinal);
        Assert.Contains(",388,", read, StringComparison.Ordinal);
    }

    /// <summary>What Calc reads in <paramref name="path"/>, written back as UTF-8 CSV (text quoted, numbers bare).</summary>
    private string Calc(string path, string? infilter)
    {
        var output = folder.Combine("out-" + Path.GetFileNameWithoutExtension(path) + Path.GetExtension(path).TrimStart('.'));
        var start = new ProcessStartInfo("soffice") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["--headless", "--norestore", $"-env:UserInstallation=file://{folder.Combine("profile")}"])
        {
            start.ArgumentList.Add(argument);
        }

        if (infilter is not null)
        {
            start.ArgumentList.Add("--infilter=" + infilter);
        }

        foreach (var argument in (string[])["--convert-to", "csv:" + CsvFilter, "--outdir", output, path])
        {
            start.ArgumentList.Add(argument);
        }

        using var calc = Process.Start(start)!;
        var log = calc.StandardOutput.ReadToEndAsync();
        var errors = calc.StandardError.ReadToEndAsync();
        Assert.True(calc.WaitForExit(TimeSpan.FromMinutes(3)), "LibreOffice did not finish in 3 minutes");
        var converted = Path.Combine(output, Path.GetFileNameWithoutExtension(path) + ".csv");
        Assert.True(File.Exists(converted), $"LibreOffice wrote nothing: {log.Result} {errors.Result}");
        return File.ReadAllText(converted, Encoding.UTF8);
    }

    /// <summary>Calc ends its lines with LF where Marsad writes CRLF (RFC 4180); no cell here holds a line break.</summary>
    private static List<List<string>> Cells(string csv) => HxlExportTests.ReadCsv(csv.ReplaceLineEndings("\r\n"));

    public void Dispose() => folder.Dispose();
}
