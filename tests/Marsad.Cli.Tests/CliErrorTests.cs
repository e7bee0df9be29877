using System.Net;
using System.Net.Sockets;
using Marsad.Tests.Support;
using static Marsad.Tests.Support.MarsadProcess;

namespace Marsad.Tests;

/// <summary>
/// Ordinary mistakes, as a user makes them on the command line: each ends in one line on standard
/// error saying what is wrong and what to do, a non-zero exit, no stack trace, and nothing written.
/// </summary>
public sealed class CliErrorTests : IDisposable
{
    private readonly TempFolder temp = new();

    private string Database => temp.Combine("marsad.db");

    private static string Seeds => SharedData.PathTo("corpus", "seeds");

    private static void AssertOneLineError((int ExitCode, string Output, string Errors) result, string expected)
    {
        Assert.NotEqual(0, result.ExitCode);
        var line = Assert.Single(result.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Errors + result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Errors + result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_into_a_missing_folder_is_refused_before_anything_is_written()
    {
        Run("ingest", Seeds, "--db", Database);
        var missing = temp.Combine("no-such-folder") + "/tally.csv";
        AssertOneLineError(Run("export", "--format", "csv", "--out", missing, "--db", Database), "does not exist; create it first");
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public void A_chart_into_a_missing_folder_is_refused()
    {
        Run("ingest", Seeds, "--db", Database);
        AssertOneLineError(
            Run("chart", "exited/person/SY-DY/since-2018-12-01", "--out", temp.Combine("nowhere") + "/c.svg", "--db", Database),
            "does not exist; create it first");
    }

    [Fact]
    public void A_worker_with_no_batch_or_lease_is_refused_and_none_on_a_mistyped_store()
    {
        Run("ingest", Seeds, "--db", Database, "--defer");
        AssertOneLineError(Run("worker", "--batch", "0", "--db", Database), "--batch: 0 is not a positive whole number.");
        AssertOneLineError(Run("worker", "--lease", "-5", "--db", Database), "--lease: -5 is not a positive whole number.");
        AssertOneLineError(Run("worker", "--until-idle", "--db", temp.Combine("typo.db")), "there is no store at");
        Assert.Contains("5 queued, 0 leased, 0 done, 0 failed.", Run("queue", "--db", Database).Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_of_a_missing_gold_folder_says_so()
    {
        AssertOneLineError(Run("eval", "--gold", temp.Combine("no-gold"), "--corpus", Seeds), "there is no folder");
    }

    [Fact]
    public void A_mistyped_store_on_a_read_command_is_an_error_and_no_store_is_made()
    {
        var mistyped = temp.Combine("marsad-typo.db");
        foreach (var command in new[] { "tally", "documents", "claims", "checks", "places" })
        {
            AssertOneLineError(Run(command, "--db", mistyped), "there is no store at");
        }

        foreach (var command in new[] { new[] { "alerts" }, ["sources", "list"], ["sources", "pause", "1"], ["watch", "--once"] })
        {
            AssertOneLineError(Run([.. command, "--db", mistyped]), "there is no store at");
        }

        AssertOneLineError(Run("export", "--format", "json", "--db", mistyped), "there is no store at");
        Assert.False(File.Exists(mistyped));
    }

    [Fact]
    public void A_file_that_is_not_a_store_is_named()
    {
        var report = temp.File("report.txt", "قتل 5 مدنيين");
        AssertOneLineError(Run("tally", "--db", report), "cannot open the store");
    }

    [Fact]
    public void An_unknown_series_actor_baseline_or_document_is_named_with_what_there_is()
    {
        Run("ingest", Seeds, "--db", Database);
        AssertOneLineError(Run("series", "killed/nobody", "--db", Database), "no series killed/nobody");
        AssertOneLineError(Run("tally", "--actor", "ISSI", "--db", Database), "the actors counted are IS, SDF");
        AssertOneLineError(Run("export", "--format", "csv", "--since", "2011-03-15", "--db", Database), "no running total counts from 2011-03-15");
        AssertOneLineError(Run("claims", "--doc", "nope", "--db", Database), "no document nope");
        AssertOneLineError(Run("tally", "--category", "kiled", "--db", Database), "not a category of the codebook");
    }

    [Fact]
    public void Serve_on_an_invalid_port_or_host_is_refused()
    {
        AssertOneLineError(Run("serve", "--port", "70000", "--db", Database), "is not a port");
        AssertOneLineError(Run("serve", "--host", "example", "--db", Database), "is not an IP address");
    }

    [Fact]
    public void Serve_on_a_busy_port_says_so_and_never_that_it_serves()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var port = ((IPEndPoint)busy.LocalEndpoint).Port;
        var result = Run("serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--db", Database);
        AssertOneLineError(result, "address already in use");
        Assert.DoesNotContain("serves", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_on_an_empty_store_adds_no_sample_reports()
    {
        int port;
        using (var free = new TcpListener(IPAddress.Loopback, 0))
        {
            free.Start();
            port = ((IPEndPoint)free.LocalEndpoint).Port;
        }

        using (var serve = Start("serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--db", Database))
        {
            try
            {
                var line = serve.StandardOutput.ReadLine();
                Assert.StartsWith("Marsad serves", line, StringComparison.Ordinal);
                Assert.Contains("holds no reports yet", serve.StandardOutput.ReadLine(), StringComparison.Ordinal);
            }
            finally
            {
                serve.Kill();
                serve.WaitForExit();
            }
        }

        var documents = Run("documents", "--db", Database);
        Assert.Equal(0, documents.ExitCode);
        Assert.Single(documents.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void A_backup_is_refused_over_an_existing_file()
    {
        Run("ingest", Seeds, "--db", Database);
        var existing = temp.File("backup.db", "not to be overwritten");
        AssertOneLineError(Run("backup", existing, "--db", Database), "never overwrites");
        Assert.Equal("not to be overwritten", File.ReadAllText(existing));
    }

    public void Dispose() => temp.Dispose();
}
