using System.Diagnostics;
using System.Text.Json;
using Marsad.Tests.Support;
using static Marsad.Tests.Support.MarsadProcess;

namespace Marsad.Tests;

/// <summary>The CLI as a user runs it: a separate process, a real SQLite file, real report files.</summary>
public sealed class CliProcessTests : IDisposable
{
    private readonly TempFolder temp = new();

    private string Folder => temp.Path;

    private string Database => temp.Combine("marsad.db");

    private static string Seeds => SharedData.PathTo("corpus", "seeds");

    private static string SeedGold => SharedData.PathTo("gold", "seeds");

    [Fact]
    public void Ingest_twice_adds_nothing_the_second_time()
    {
        var first = Run("ingest", Seeds, "--db", Database);
        Assert.Equal(0, first.ExitCode);
        Assert.StartsWith("5 added, 0 already present, 0 failed", first.Output, StringComparison.Ordinal);

        var second = Run("ingest", Seeds, "--db", Database);
        Assert.StartsWith("0 added, 5 already present, 0 failed", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Claims_reads_each_claim_back_as_a_sentence_in_the_language_asked_for()
    {
        Run("ingest", Seeds, "--db", Database);
        var arabic = Run("claims", "--db", Database, "--format", "sentences", "--lang", "ar", "--category", "killed");
        var english = Run("claims", "--db", Database, "--format", "sentences", "--lang", "en", "--category", "killed");
        Assert.Equal(0, arabic.ExitCode);
        Assert.Contains("مقتل 653 مقاتلاً من قوات سوريا الديمقراطية", arabic.Output, StringComparison.Ordinal);
        Assert.Contains("653 Syrian Democratic Forces fighters killed", english.Output, StringComparison.Ordinal);
        Assert.NotEqual(0, Run("claims", "--db", Database, "--format", "sentences", "--lang", "fr").ExitCode);
    }

    [Fact]
    public void Claims_reads_back_what_ingest_stored_as_codebook_jsonl()
    {
        Run("ingest", Seeds, "--db", Database);
        var claims = Run("claims", "--db", Database, "--format", "jsonl", "--category", "killed");
        Assert.Equal(0, claims.ExitCode);
        var lines = claims.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            Assert.Equal("killed", json.RootElement.GetProperty("category").GetString());
            Assert.True(json.RootElement.TryGetProperty("span", out _));
        }
    }

    [Fact]
    public void An_unknown_category_is_refused_with_a_message()
    {
        var result = Run("claims", "--db", Database, "--category", "kiled");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("not a category", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_data_passes_the_shipped_data_and_prints_one_line_a_problem_with_exit_code_1()
    {
        var shipped = Run("lint-data", Path.Combine(SharedData.RepositoryRoot, "src", "Marsad.Core", "Languages"), Path.Combine(SharedData.RepositoryRoot, "src", "Marsad.Core", "Profiles"));
        Assert.Equal((0, ""), (shipped.ExitCode, shipped.Output));

        var profile = temp.File("bad.json", "{ \"profile\": \"bad\",\n  \"actors\": [\n    { \"code\": \"A\", \"role\": \"figher\", \"names\": {} } ] }");
        var bad = Run("lint-data", profile, temp.Combine("missing"));
        Assert.Equal(1, bad.ExitCode);
        Assert.Equal(
            [$"{profile}:3: 'figher' is no role; expected one of fighter, leader, soldier, civilian, family, detainee, person.", $"{temp.Combine("missing")}: no such file or folder."],
            bad.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Eval_prints_the_reference_layout_and_honours_min_f1()
    {
        var result = Run("eval", "--gold", SeedGold, "--corpus", Seeds);
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("detection P=", result.Output.Trim().Split('\n')[^1], StringComparison.Ordinal);

        var strict = Run("eval", "--gold", SeedGold, "--corpus", Seeds, "--min-f1", "1.01");
        Assert.Equal(3, strict.ExitCode);
    }

    [Fact]
    public void Bad_files_are_reported_by_name_skipped_and_lose_nothing_stored()
    {
        Run("ingest", Seeds, "--db", Database);
        var bad = Path.Combine(Folder, "bad");
        Directory.CreateDirectory(bad);
        File.WriteAllBytes(Path.Combine(bad, "binary.txt"), [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00]);
        File.WriteAllBytes(Path.Combine(bad, "latin1.txt"), [0x71, 0x75, 0x74, 0x6C, 0xE9, 0x0A]);
        File.WriteAllText(Path.Combine(bad, "empty.txt"), "");
        using (var huge = File.Create(Path.Combine(bad, "huge.txt")))
        {
            huge.SetLength(200L * 1024 * 1024);
        }

        File.WriteAllText(Path.Combine(bad, "good.txt"), "قتل 5 مدنيين بينهم طفلان");

        var result = Run("ingest", bad, "--db", Database);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("binary.txt", result.Errors, StringComparison.Ordinal);
        Assert.Contains("latin1.txt:1: invalid UTF-8", result.Errors, StringComparison.Ordinal);
        Assert.Contains("empty.txt: empty file", result.Errors, StringComparison.Ordinal);
        Assert.Contains("huge.txt: file too large", result.Errors, StringComparison.Ordinal);
        Assert.StartsWith("1 added, 0 already present, 4 failed", result.Output, StringComparison.Ordinal);

        var again = Run("ingest", Seeds, "--db", Database);
        Assert.StartsWith("0 added, 5 already present", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_that_used_to_stop_the_ingest_is_read_and_the_failures_are_listed_until_fixed()
    {
        var reports = Path.Combine(Folder, "reports");
        Directory.CreateDirectory(reports);
        File.WriteAllText(Path.Combine(reports, "a-digits.txt"), "قتل " + new string('9', 200_000) + " شخصا، وأصيب 4 آخرون.");
        File.WriteAllText(Path.Combine(reports, "b-april.txt"), "Since April 31, 40 people were killed.");
        File.WriteAllText(Path.Combine(reports, "b-april.meta.json"), """{"published": "2024-05-10"}""");
        File.WriteAllText(Path.Combine(reports, "c-lines.jsonl"), "{\"id\": \"l1\", \"text\": \"killed 5 \\ud800 people\"}\n{\"id\": \"l2\", \"text\": \"killed 6 people\"}\n");
        File.CreateSymbolicLink(Path.Combine(reports, "d-gone.txt"), Path.Combine(Folder, "nowhere.txt"));
        var fifo = Path.Combine(reports, "e-pipe.txt");
        using (var mkfifo = Process.Start("mkfifo", fifo))
        {
            mkfifo.WaitForExit();
        }

        var result = Run("ingest", reports, "--db", Database);
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("3 added, 0 already present, 3 failed", result.Output, StringComparison.Ordinal);
        Assert.Contains("c-lines.jsonl:1: a string escapes half of a surrogate pair", result.Errors, StringComparison.Ordinal);
        Assert.Contains("d-gone.txt: a symbolic link to", result.Errors, StringComparison.Ordinal);
        Assert.Contains("e-pipe.txt: empty file (or not a regular file", result.Errors, StringComparison.Ordinal);

        var failures = Run("failures", "--db", Database);
        Assert.Equal(0, failures.ExitCode);
        Assert.Contains("3 reports failing.", failures.Output, StringComparison.Ordinal);
        Assert.Contains("c-lines.jsonl:1:", failures.Output, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(reports, "c-lines.jsonl"), "{\"id\": \"l1\", \"text\": \"killed 5 people\"}\n{\"id\": \"l2\", \"text\": \"killed 6 people\"}\n");
        File.Delete(Path.Combine(reports, "d-gone.txt"));
        File.Delete(fifo);
        Assert.Equal(0, Run("ingest", reports, "--db", Database).ExitCode);
        Assert.Contains("2 reports failing.", Run("failures", "--db", Database).Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_writes_csv_with_a_header()
    {
        var result = Run("extract", Seeds, "--format", "csv");
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("doc,id,span_start,span_end,text,value", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_profile_file_replaces_the_profile_chosen_for_the_report()
    {
        var report = temp.File("yemen.txt", "قتل 12 مقاتلاً من الحوثيين في محافظة مأرب");
        var profile = temp.File("ansar.json", """{ "profile": "ansar", "mode": "replace", "actors": [{ "code": "ANSAR", "names": { "ar": ["الحوثيين"] } }] }""");
        using var chosen = JsonDocument.Parse(Run("extract", report).Output);
        using var given = JsonDocument.Parse(Run("extract", report, "--profile", profile).Output);
        Assert.Equal("HOUTHI", chosen.RootElement.GetProperty("group").GetProperty("actor").GetString());
        Assert.Equal("YE-MA", chosen.RootElement.GetProperty("place").GetProperty("admin1").GetString());
        Assert.Equal("ANSAR", given.RootElement.GetProperty("group").GetProperty("actor").GetString());
    }

    [Fact]
    public void A_bad_profile_file_stops_the_command_with_its_name_and_line()
    {
        var profile = temp.File("bad.json", "{\n  \"profile\": \"x\",\n  \"actors\": 5\n}");
        var result = Run("extract", Seeds, "--profile", profile);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(profile + ":3:", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_lists_a_documents_places_and_actors()
    {
        Run("ingest", Seeds, "--db", Database);
        var result = Run("show", "000_056f64d75c95e8c1", "--db", Database);
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"SY-DY\s+\d+ claims\s+opensyria:sy-deir-ez-zor", result.Output);
        Assert.Matches(@"SDF\s+counted in\s+\d+ claims", result.Output);
    }

    [Fact]
    public void Reextract_keeps_the_documents_and_rebuilds_the_claims()
    {
        Run("ingest", Seeds, "--db", Database);
        var result = Run("reextract", "--db", Database);
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("5 document versions re-extracted", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Tally_json_lists_series_with_points_and_mentions()
    {
        Run("ingest", Seeds, "--db", Database);
        var result = Run("tally", "--db", Database, "--category", "exited", "--since", "2018-12-01", "--format", "json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var series = json.RootElement.EnumerateArray().Single(s => s.GetProperty("id").GetString() == "exited.person.SY-DY.since-2018-12-01");
        Assert.Equal("2018-12-01", series.GetProperty("since").GetString());
        var points = series.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal([28150L, 36250, 56680, 26950], points.Select(p => p.GetProperty("value").GetInt64()));
        Assert.Equal(JsonValueKind.Null, points[3].GetProperty("as_of").ValueKind);
        Assert.Equal("2019-01-31", points[1].GetProperty("first_reported").GetString());
        Assert.Equal(2, points[1].GetProperty("mentions").GetArrayLength());
        Assert.All(json.RootElement.EnumerateArray(), s => Assert.Equal("exited", s.GetProperty("category").GetString()));
    }

    [Fact]
    public void Tally_as_of_a_day_shows_only_what_had_been_published()
    {
        Run("ingest", Seeds, "--db", Database);
        var result = Run("tally", "--db", Database, "--as-of", "2019-01-30", "--format", "csv");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("exited.person.SY-DY.since-2018-12-01,", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(",36250,", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(",26950,", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Series_shows_each_point_with_its_quotes()
    {
        Run("ingest", Seeds, "--db", Database);
        var result = Run("series", "killed.civilian.SY-DY.since-2018-09-10", "--db", Database);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("000_056f64d75c95e8c1#8", result.Output, StringComparison.Ordinal);
        Assert.Contains("بينهم 141 طفلاً", result.Output, StringComparison.Ordinal);
        Assert.Equal(2, Run("series", "killed/nobody", "--db", Database).ExitCode);
    }

    [Fact]
    public void Checks_lists_the_date_warnings_of_the_fifth_seed()
    {
        Run("ingest", Seeds, "--db", Database);
        var result = Run("checks", "--db", Database);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("weekday_mismatch at 004_ae0935a9256ad8c4#3", result.Output, StringComparison.Ordinal);
        Assert.Contains("year_conflict at 004_ae0935a9256ad8c4#9", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_writes_hxl_and_geojson_files()
    {
        Run("ingest", Seeds, "--db", Database);
        var hxl = temp.Combine("tally.csv");
        var geojson = temp.Combine("tally.geojson");
        Assert.Equal(0, Run("export", "--db", Database, "--format", "hxl", "--out", hxl).ExitCode);
        Assert.Equal(0, Run("export", "--db", Database, "--format", "geojson", "--out", geojson).ExitCode);
        Assert.StartsWith("#meta+schema,#meta+series,", File.ReadLines(hxl).ElementAt(1), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(geojson));
        Assert.Equal("FeatureCollection", json.RootElement.GetProperty("type").GetString());
    }

    [Fact]
    public void Export_writes_a_workbook_and_an_Excel_CSV_and_refuses_a_workbook_on_the_terminal()
    {
        Run("ingest", Seeds, "--db", Database);
        var xlsx = temp.Combine("tally.xlsx");
        var csv = temp.Combine("tally.csv");
        Assert.Equal(0, Run("export", "--db", Database, "--format", "xlsx", "--out", xlsx).ExitCode);
        using (var zip = System.IO.Compression.ZipFile.OpenRead(xlsx))
        {
            using var sheet = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
            var xml = sheet.ReadToEnd();
            Assert.Contains("محافظة دير الزور", xml, StringComparison.Ordinal);
            Assert.Contains("<v>56680</v>", xml, StringComparison.Ordinal);
        }

        Assert.Equal(0, Run("export", "--db", Database, "--format", "csv", "--excel", "--out", csv).ExitCode);
        Assert.Equal([0xEF, 0xBB, 0xBF], File.ReadAllBytes(csv)[..3]);
        var refused = Run("export", "--db", Database, "--format", "xlsx");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--out", refused.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Claims_as_csv_and_json_lines_carry_their_provenance()
    {
        Run("ingest", Seeds, "--db", Database);
        var csv = Run("claims", "--db", Database, "--format", "csv");
        Assert.Equal(0, csv.ExitCode);
        Assert.EndsWith(",source,url,published,document_version,document_hash,extractor_version,review_status,schema_version", csv.Output.Split('\n')[0].TrimEnd('\r'), StringComparison.Ordinal);
        var line = JsonDocument.Parse(Run("claims", "--db", Database, "--format", "jsonl").Output.Split('\n')[0]).RootElement;
        var provenance = line.GetProperty("provenance");
        Assert.Equal((1, "unreviewed"), (provenance.GetProperty("document_version").GetInt32(), provenance.GetProperty("review_status").GetString()));
        Assert.Equal(64, provenance.GetProperty("document_hash").GetString()!.Length);
        Assert.Equal("1", line.GetProperty("schema_version").GetString());
    }

    [Fact]
    public void Chart_draws_a_series_as_svg_with_its_hedges_and_undated_points()
    {
        Run("ingest", Seeds, "--db", Database);
        var svg = temp.Combine("exodus.svg");
        var result = Run("chart", "exited.person.SY-DY.since-2018-12-01", "detained.IS.fighter.SY-DY.since-2018-12-01", "--db", Database, "--out", svg);
        Assert.Equal(0, result.ExitCode);
        var text = File.ReadAllText(svg);
        var document = System.Xml.Linq.XDocument.Parse(text);
        Assert.Equal("svg", document.Root!.Name.LocalName);
        Assert.Contains("56,680", text, StringComparison.Ordinal);
        Assert.Contains("date unknown: 26,950", text, StringComparison.Ordinal);
        Assert.Contains("fill=\"white\" stroke=", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Chart_draws_png_through_a_headless_browser()
    {
        Run("ingest", Seeds, "--db", Database);
        var png = temp.Combine("exodus.png");
        var result = Run("chart", "exited.person.SY-DY.since-2018-12-01", "--db", Database, "--out", png);
        Assert.True(result.ExitCode == 0, result.Errors);
        var bytes = File.ReadAllBytes(png);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        Assert.True(bytes.Length > 10_000, $"a drawn chart, not an empty image ({bytes.Length} bytes)");
    }

    [Fact]
    public void Demo_runs_on_the_bundled_samples()
    {
        var result = Run("demo");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("3 reports,", result.Output, StringComparison.Ordinal);
        Assert.Contains("The running series these reports make", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Documents_shows_inferred_publication_dates_and_how()
    {
        Run("ingest", Seeds, "--db", Database);
        var result = Run("documents", "--db", Database);
        Assert.Equal(0, result.ExitCode);
        var line = result.Output.Split('\n').Single(l => l.StartsWith("001_a1ff52ee2d0b606e", StringComparison.Ordinal));
        Assert.Contains("2019-01-31", line, StringComparison.Ordinal);
        Assert.Contains("inferred from", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Places_lists_what_the_gazetteer_does_not_know()
    {
        var reports = Path.Combine(Folder, "places");
        Directory.CreateDirectory(reports);
        File.WriteAllText(Path.Combine(reports, "r.txt"), "عنوان\nمحافظة دير الزور – المرصد:: قتل 5 مدنيين في بلدة الشعفة، وقتل 3 آخرون في بلدة هجين");
        Run("ingest", reports, "--db", Database);
        var all = Run("places", "--db", Database);
        Assert.Contains("هجين", all.Output, StringComparison.Ordinal);
        var unresolved = Run("places", "--db", Database, "--unresolved");
        Assert.Contains("الشعفة", unresolved.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("هجين", unresolved.Output, StringComparison.Ordinal);
        Assert.Contains("SY-DY", unresolved.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Same_name_reports_in_two_folders_and_an_edited_re_ingest_leave_tally_checks_and_exports_working()
    {
        const string report = "محافظة دير الزور – المرصد السوري:: ارتفع إلى 653 عدد عناصر قوات سوريا الديمقراطية الذين قضوا منذ الـ 10 من أيلول / سبتمبر 2018";
        var reports = Path.Combine(Folder, "reports");
        var first = temp.File("reports/2019/report.txt", report);
        temp.File("reports/2020/report.txt", "قتل 12 مدنياً في قصف على ريف إدلب");
        Assert.StartsWith("2 added, 0 already present", Run("ingest", reports, "--db", Database).Output, StringComparison.Ordinal);
        File.WriteAllText(first, report.Replace("653", "663", StringComparison.Ordinal));
        var edited = Run("ingest", reports, "--db", Database);
        Assert.StartsWith("1 added, 1 already present", edited.Output, StringComparison.Ordinal);
        Assert.Contains("1 of those added are new versions", edited.Output, StringComparison.Ordinal);

        var tally = Run("tally", "--db", Database, "--format", "json");
        Assert.Equal(0, tally.ExitCode);
        Assert.Contains("\"value\": 663", tally.Output.Replace("\"value\":663", "\"value\": 663", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("653", tally.Output, StringComparison.Ordinal);
        Assert.Equal(0, Run("checks", "--db", Database).ExitCode);
        foreach (var format in new[] { "csv", "json", "geojson", "hxl" })
        {
            Assert.Equal(0, Run("export", "--db", Database, "--format", format, "--out", temp.Combine("tally." + format)).ExitCode);
        }

        var versions = Run("documents", "--db", Database, "--versions", "2019/report");
        Assert.Equal(0, versions.ExitCode);
        Assert.Equal(2, versions.Output.Split('\n').Count(l => l.StartsWith("2019/report", StringComparison.Ordinal)));
        Assert.Contains("2019/report@v2#1", Run("claims", "--db", Database, "--doc", "2019/report").Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_retracted_document_is_left_out_of_the_tally_and_marked_in_the_list()
    {
        Run("ingest", Seeds, "--db", Database);
        Assert.Contains("56680", Run("tally", "--db", Database, "--format", "csv").Output, StringComparison.Ordinal);
        var retract = Run("retract", "004_ae0935a9256ad8c4", "--reason", "the outlet withdrew it", "--by", "rania", "--db", Database);
        Assert.Equal(0, retract.ExitCode);
        Assert.DoesNotContain("56680", Run("tally", "--db", Database, "--format", "csv").Output, StringComparison.Ordinal);
        Assert.Contains("RETRACTED by rania: the outlet withdrew it", Run("documents", "--db", Database).Output, StringComparison.Ordinal);
        Assert.Equal(2, Run("retract", "nothing-by-that-id", "--reason", "x", "--db", Database).ExitCode);
    }

    [Fact]
    public void Users_are_listed_with_their_roles_rotated_and_revoked()
    {
        var token = Run("users", "add", "rania", "--db", Database).Output.Trim();
        Assert.Equal(0, Run("users", "add", "omar", "--role", "admin", "--db", Database).ExitCode);
        Assert.Equal(2, Run("users", "add", "rania", "--db", Database).ExitCode);
        var rotated = Run("users", "rotate", "rania", "--db", Database);
        Assert.Equal(0, rotated.ExitCode);
        Assert.NotEqual(token, rotated.Output.Trim());
        Assert.Equal(0, Run("users", "revoke", "rania", "--db", Database).ExitCode);
        Assert.Equal(2, Run("users", "revoke", "rania", "--db", Database).ExitCode);
        var list = Run("users", "list", "--db", Database).Output.Split('\n');
        Assert.Matches(@"^omar\s+admin\s+\S+\s+-", list.Single(l => l.StartsWith("omar", StringComparison.Ordinal)));
        Assert.Matches(@"^rania\s+reviewer\s+\S+\s+\d{4}-", list.Single(l => l.StartsWith("rania", StringComparison.Ordinal)));
    }

    [Fact]
    public void Review_corrects_a_claim_and_refuses_a_bad_value_in_one_line()
    {
        Run("ingest", Seeds, "--db", Database);
        Run("users", "add", "rania", "--db", Database);
        const string claim = "000_056f64d75c95e8c1#1";
        var corrected = Run("review", claim, "--action", "correct", "--set", "value=1300", "--set", "actor=null", "--reason", "checked", "--by", "rania", "--db", Database);
        Assert.True(corrected.ExitCode == 0, corrected.Errors);
        Assert.Contains("{\"value\":1300,\"actor\":null}", corrected.Output, StringComparison.Ordinal);

        var refused = Run("review", claim, "--action", "correct", "--set", "value=-5", "--set", "since=2019-02-30", "--reason", "r", "--by", "rania", "--db", Database);
        Assert.Equal(2, refused.ExitCode);
        var line = Assert.Single(refused.Errors.Trim().Split('\n'));
        Assert.Contains("value: a whole number", line, StringComparison.Ordinal);
        Assert.Contains("since: a date that exists", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Backup_copies_the_store_into_a_file_that_reads_back_the_same()
    {
        Run("ingest", Seeds, "--db", Database);
        var copy = temp.Combine("backups/marsad-copy.db");
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        var backup = Run("backup", copy, "--db", Database);
        Assert.True(backup.ExitCode == 0, backup.Errors);
        Assert.Equal(Run("tally", "--db", Database, "--format", "csv").Output, Run("tally", "--db", copy, "--format", "csv").Output);
    }

    [Theory]
    [InlineData("backup")]
    [InlineData("review")]
    [InlineData("retract")]
    [InlineData("sources")]
    [InlineData("watch")]
    [InlineData("alerts")]
    [InlineData("users")]
    [InlineData("places")]
    [InlineData("documents")]
    [InlineData("ingest")]
    [InlineData("extract")]
    [InlineData("claims")]
    [InlineData("reextract")]
    [InlineData("worker")]
    [InlineData("queue")]
    [InlineData("eval")]
    [InlineData("demo")]
    [InlineData("show")]
    [InlineData("gazetteer")]
    [InlineData("tally")]
    [InlineData("series")]
    [InlineData("checks")]
    [InlineData("export")]
    [InlineData("chart")]
    public void Every_command_has_help(string command)
    {
        var result = Run(command, "--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.Output, StringComparison.Ordinal);
    }

    public void Dispose() => temp.Dispose();
}
