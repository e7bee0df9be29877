using System.Text;
using Marsad.Ingest;
using Marsad.Model;
using Marsad.Tests.Support;

namespace Marsad.Tests.Ingest;

public sealed class ReportReaderTests
{
    private static List<ReadResult> Read(params string[] paths) => [.. ReportReader.Read(paths, DocumentMetadata.None)];

    [Fact]
    public void A_text_file_is_one_report_named_after_the_file()
    {
        using var folder = new TempFolder();
        var path = folder.File("r1.txt", "عنوان\nقتل 5 مدنيين");
        var document = Assert.IsType<ReadDocument>(Assert.Single(Read(path))).Document;
        Assert.Equal("r1", document.Id);
        Assert.Equal("عنوان\nقتل 5 مدنيين", document.Text);
        Assert.Equal("عنوان", document.Metadata.Title);
    }

    [Fact]
    public void The_sidecar_gives_metadata_and_wins_over_defaults()
    {
        using var folder = new TempFolder();
        folder.File("r1.txt", "نص");
        folder.File("r1.meta.json", """{"published": "2019-01-25", "source": "SOHR", "lang": "ar"}""");
        var defaults = new DocumentMetadata(Source: "user", Url: "http://example.org");
        var document = Assert.IsType<ReadDocument>(Assert.Single(ReportReader.Read([folder.Path], defaults))).Document;
        Assert.Equal(new DateOnly(2019, 1, 25), document.Metadata.Published);
        Assert.Equal("SOHR", document.Metadata.Source);
        Assert.Equal("http://example.org", document.Metadata.Url);
    }

    [Fact]
    public void Folders_are_read_recursively_in_ordinal_order_with_ids_from_the_folder_and_skip_other_files()
    {
        using var folder = new TempFolder();
        folder.File("b/z.txt", "ز");
        folder.File("a.txt", "أ");
        folder.File("b/a.html", "<p>ب</p>");
        folder.File("notes.md", "ignored");
        Assert.Equal(["a", "b/a", "b/z"], Read(folder.Path).Cast<ReadDocument>().Select(r => r.Document.Id));
    }

    [Fact]
    public void Two_reports_of_one_name_in_two_subfolders_get_their_paths_as_distinct_ids()
    {
        using var folder = new TempFolder();
        folder.File("2019/report.txt", "قتل 5 مدنيين");
        folder.File("2020/report.txt", "قتل 7 مدنيين");
        folder.File("report.txt", "قتل 9 مدنيين");
        Assert.Equal(["2019/report", "2020/report", "report"], Read(folder.Path).Cast<ReadDocument>().Select(r => r.Document.Id));
        Assert.Equal("report", Assert.IsType<ReadDocument>(Assert.Single(Read(folder.Combine("2019/report.txt")))).Document.Id);
    }

    [Fact]
    public void A_sidecar_id_names_its_report()
    {
        using var folder = new TempFolder();
        folder.File("2019/report.txt", "قتل 5 مدنيين");
        folder.File("2019/report.meta.json", """{"id": "sohr-2019-01-25", "published": "2019-01-25"}""");
        Assert.Equal("sohr-2019-01-25", Assert.IsType<ReadDocument>(Assert.Single(Read(folder.Path))).Document.Id);
    }

    [Fact]
    public void Invalid_UTF8_is_an_error_naming_the_file_and_line()
    {
        using var folder = new TempFolder();
        var path = folder.File("bad.txt", [.. "سطر أول\nسطر ثان\n"u8.ToArray(), 0xC3, 0x28]);
        var error = Assert.IsType<ReadError>(Assert.Single(Read(path)));
        Assert.Equal(3, error.Line);
        Assert.Contains("bad.txt:3: invalid UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_binary_file_is_an_error()
    {
        using var folder = new TempFolder();
        var path = folder.File("image.txt", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01]);
        Assert.Contains("binary file", Assert.IsType<ReadError>(Assert.Single(Read(path))).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_is_an_error()
    {
        using var folder = new TempFolder();
        var path = folder.File("empty.txt", " \n\t\n");
        Assert.StartsWith("empty file", Assert.IsType<ReadError>(Assert.Single(Read(path))).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_over_the_limit_is_an_error_without_being_read()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("huge.txt");
        using (var stream = File.Create(path))
        {
            stream.SetLength(ReportReader.MaxReportBytes + 1);
        }

        var error = Assert.IsType<ReadError>(Assert.Single(Read(path)));
        Assert.Contains("file too large", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ReportKind.Text)]
    [InlineData(ReportKind.Html)]
    [InlineData(ReportKind.Json)]
    public void An_uploaded_report_over_the_limit_is_an_error_naming_the_limit(ReportKind kind)
    {
        var bytes = new byte[ReportReader.MaxReportBytes + 1];
        Array.Fill(bytes, (byte)'a');
        var error = Assert.IsType<ReadError>(Assert.Single(ReportReader.Read(bytes, kind, "big", DocumentMetadata.None)));
        Assert.Contains("report too large", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_path_is_an_error_and_reading_goes_on()
    {
        using var folder = new TempFolder();
        var good = folder.File("good.txt", "نص");
        var results = Read(folder.Combine("missing.txt"), good);
        Assert.Equal("no such file or folder", Assert.IsType<ReadError>(results[0]).Reason);
        Assert.IsType<ReadDocument>(results[1]);
    }

    [Fact]
    public void A_file_that_cannot_be_read_is_an_error_with_the_system_reason()
    {
        using var folder = new TempFolder();
        // Reading /proc/self/mem from the start fails with an I/O error, even for root.
        File.CreateSymbolicLink(folder.Combine("unreadable.txt"), "/proc/self/mem");
        var error = Assert.IsType<ReadError>(Assert.Single(Read(folder.Path)));
        Assert.StartsWith("cannot read the file:", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_explicit_file_of_another_kind_is_an_error()
    {
        using var folder = new TempFolder();
        var path = folder.File("report.pdf", "%PDF");
        Assert.Contains("not a report file", Assert.IsType<ReadError>(Assert.Single(Read(path))).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_byte_order_mark_is_dropped_and_text_is_NFC()
    {
        using var folder = new TempFolder();
        var path = folder.File("bom.txt", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("ا\u0653")]);
        Assert.Equal("آ", Assert.IsType<ReadDocument>(Assert.Single(Read(path))).Document.Text);
    }

    [Fact]
    public void Jsonl_reports_stream_and_a_bad_line_keeps_the_good_ones()
    {
        using var folder = new TempFolder();
        var path = folder.File("reports.jsonl", string.Join('\n',
            """{"id": "a", "text": "قتل 3", "published": "2019-03-05"}""",
            """{"id": "b", "text": """,
            "",
            """{"text": "no id"}""",
            """{"id": "c", "text": "نص", "source": "AFP"}"""));
        var results = Read(path);
        Assert.Equal(["a", "c"], results.OfType<ReadDocument>().Select(r => r.Document.Id));
        Assert.Equal([2, 4], results.OfType<ReadError>().Select(e => e.Line!.Value));
        Assert.Equal(new DateOnly(2019, 3, 5), results.OfType<ReadDocument>().First().Document.Metadata.Published);
    }

    [Fact]
    public void Html_becomes_text_without_scripts_styles_or_tags()
    {
        using var folder = new TempFolder();
        var path = folder.File("page.html", """
            <html><head><title>عنوان الصفحة</title><style>p{color:red}</style><script>var x = "<p>no</p>";</script></head>
            <body><!-- comment --><p>قتل <b>5</b>&nbsp;مدنيين</p><div>سطر&amp;آخر</div></body></html>
            """);
        var document = Assert.IsType<ReadDocument>(Assert.Single(Read(path))).Document;
        Assert.Equal("قتل 5 مدنيين\nسطر&آخر", document.Text);
        Assert.Equal("عنوان الصفحة", document.Metadata.Title);
    }

    [Fact]
    public void A_malformed_sidecar_is_an_error()
    {
        using var folder = new TempFolder();
        folder.File("r.txt", "نص");
        folder.File("r.meta.json", """{"published": "25/01/2019"}""");
        Assert.IsType<ReadError>(Assert.Single(Read(folder.Path)));
    }

    [Fact]
    public void Jsonl_escapes_of_a_noncharacter_are_read_and_of_half_a_surrogate_pair_named()
    {
        using var folder = new TempFolder();
        var path = folder.File("odd.jsonl", string.Join('\n',
            """{"id": "a", "text": "killed 5 people \ufffe here"}""",
            """{"id": "b", "text": "killed 5 \ud800 people"}""",
            """{"id": "c", "text": "killed 6 people"}"""));
        var results = Read(path);
        Assert.Equal(["a", "c"], results.OfType<ReadDocument>().Select(r => r.Document.Id));
        Assert.Equal("killed 5 people \uFFFE here", results.OfType<ReadDocument>().First().Document.Text);
        Assert.Equal(2, Assert.Single(results.OfType<ReadError>()).Line);
    }

    [Fact]
    public void A_file_with_u_fffe_is_read()
    {
        using var folder = new TempFolder();
        var path = folder.File("r.txt", "قتل 5 أشخاص \uFFFE في الهجوم");
        Assert.Contains('\uFFFE', Assert.IsType<ReadDocument>(Assert.Single(Read(path))).Document.Text);
    }

    [Theory]
    [InlineData("<p>قتل 5 < 7 مدنيين في القصف</p><p>وأصيب 3</p>", "قتل 5 < 7 مدنيين في القصف\nوأصيب 3")]
    [InlineData("<p>killed 5 people <3 and 4 more> injured</p>", "killed 5 people <3 and 4 more> injured")]
    [InlineData("a <= b, c < d <br> e", "a <= b, c < d\ne")]
    [InlineData("x <", "x <")]
    public void A_stray_less_than_sign_in_html_is_text(string html, string text) =>
        Assert.Equal(text, HtmlText.Convert(html).Text);

    [Fact]
    public void A_dangling_symbolic_link_in_a_folder_is_an_error_naming_it()
    {
        using var folder = new TempFolder();
        folder.File("good.txt", "قتل 5 مدنيين");
        File.CreateSymbolicLink(folder.Combine("gone.txt"), folder.Combine("nowhere.txt"));
        var results = Read(folder.Path);
        var error = Assert.Single(results.OfType<ReadError>());
        Assert.EndsWith("gone.txt", error.Path, StringComparison.Ordinal);
        Assert.StartsWith("a symbolic link to", error.Reason, StringComparison.Ordinal);
        Assert.Single(results.OfType<ReadDocument>());
    }

    [Fact]
    public void A_fifo_named_like_a_report_is_not_opened()
    {
        using var folder = new TempFolder();
        var fifo = folder.Combine("pipe.txt");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", fifo))
        {
            mkfifo.WaitForExit();
        }

        var error = Assert.IsType<ReadError>(Assert.Single(Read(folder.Path)));
        Assert.StartsWith("empty file (or not a regular file", error.Reason, StringComparison.Ordinal);
    }
}
