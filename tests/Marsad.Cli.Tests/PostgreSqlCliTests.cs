using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Marsad.Tests.Support;
using static Marsad.Tests.Support.MarsadProcess;

namespace Marsad.Tests;

/// <summary>The CLI and <c>serve</c> on a PostgreSQL store (the tests' throwaway server) beside a SQLite file of the same reports.</summary>
public sealed class PostgreSqlCliTests : IDisposable
{
    private readonly TempFolder temp = new();

    private static string Seeds => SharedData.PathTo("corpus", "seeds");

    [Fact]
    public void The_record_read_from_PostgreSQL_is_byte_for_byte_the_one_read_from_SQLite()
    {
        var sqlite = temp.Combine("marsad.db");
        var postgres = PostgreSqlServer.NewDatabase();
        Assert.Equal(0, Run("ingest", Seeds, "--db", sqlite).ExitCode);
        var ingested = Run("ingest", Seeds, "--db", postgres);
        Assert.True(ingested.ExitCode == 0, ingested.Errors);
        Assert.StartsWith("5 added, 0 already present, 0 failed", ingested.Output, StringComparison.Ordinal);

        string[][] commands =
        [
            ["claims", "--format", "jsonl"], ["tally", "--format", "json"], ["checks"], ["documents"],
            ["export", "--format", "csv"], ["export", "--format", "geojson"], ["tally"],
            ["tally", "--actor", "sdf", "--format", "json"], ["tally", "--as-of", "2019-02-01", "--format", "json"], ["claims", "--category", "killed"],
        ];
        foreach (var command in commands)
        {
            var onFile = Run([.. command, "--db", sqlite]);
            var onServer = Run([.. command, "--db", postgres]);
            Assert.True(onFile.ExitCode == 0 && onFile.Output.Length > 100, $"{string.Join(' ', command)} on SQLite: {onFile.Errors}");
            Assert.True(onServer.ExitCode == 0, $"{string.Join(' ', command)} on PostgreSQL: {onServer.Errors}");
            Assert.Equal(onFile.Output, onServer.Output);
        }
    }

    [Fact]
    public async Task Serve_answers_the_API_from_PostgreSQL_as_from_SQLite()
    {
        var sqlite = temp.Combine("marsad.db");
        var postgres = PostgreSqlServer.NewDatabase();
        Assert.Equal(0, Run("ingest", Seeds, "--db", sqlite).ExitCode);
        Assert.Equal(0, Run("ingest", Seeds, "--db", postgres).ExitCode);
        string[] paths = ["/api/claims", "/api/tally", "/api/tally?category=killed"];
        Assert.Equal(await Get(sqlite, paths), await Get(postgres, paths));
    }

    [Fact]
    public void An_unreachable_server_is_one_line_naming_its_URL_without_the_password()
    {
        var url = $"postgresql://marsad:secret@127.0.0.1:{FreePort()}/nothing";
        var result = Run("claims", "--db", url);
        Assert.NotEqual(0, result.ExitCode);
        var line = Assert.Single(result.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: cannot open the store postgresql://marsad@127.0.0.1:", line, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", result.Errors + result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(" at Marsad", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Backup_of_a_PostgreSQL_store_says_to_use_pg_dump()
    {
        var postgres = PostgreSqlServer.NewDatabase();
        Assert.Equal(0, Run("ingest", Seeds, "--db", postgres).ExitCode);
        var result = Run("backup", temp.Combine("copy.db"), "--db", postgres);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("pg_dump", Assert.Single(result.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.False(File.Exists(temp.Combine("copy.db")));
    }

    /// <summary>The bodies of GETs of a <c>marsad serve</c> of the store, started for them and stopped after.</summary>
    private static async Task<List<string>> Get(string database, string[] paths)
    {
        var port = FreePort();
        using var serve = Start("serve", "--port", port.ToString(CultureInfo.InvariantCulture), "--db", database);
        try
        {
            Assert.StartsWith("Marsad serves", await serve.StandardOutput.ReadLineAsync(), StringComparison.Ordinal);
            using var client = new HttpClient();
            var bodies = new List<string>();
            foreach (var path in paths)
            {
                using var response = await client.GetAsync(new Uri($"http://127.0.0.1:{port}{path}"));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                bodies.Add(await response.Content.ReadAsStringAsync());
            }

            return bodies;
        }
        finally
        {
            serve.Kill();
            await serve.WaitForExitAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose() => temp.Dispose();
}
