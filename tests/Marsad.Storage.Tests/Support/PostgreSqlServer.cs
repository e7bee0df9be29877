using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Marsad.Tests.Support;

/// <summary>
/// A throwaway PostgreSQL server for the tests, started on first use: <c>initdb</c> into a temporary
/// folder, listening on 127.0.0.1 only at a free port, without durability (the data dies with it);
/// stopped and deleted when the test process ends. Run as the <c>postgres</c> system user when the
/// tests run as root, which PostgreSQL refuses. Missing binaries fail the tests that need it — they
/// are never skipped: <c>./test</c> installs Debian's <c>postgresql</c> package.
/// </summary>
public static class PostgreSqlServer
{
    private const string User = "marsad";

    private static readonly Lazy<Server> Started = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private static int databases;

    /// <summary>The URL of a new, empty database on the server, for one test.</summary>
    public static string NewDatabase()
    {
        var server = Started.Value;
        var name = string.Create(CultureInfo.InvariantCulture, $"marsad_{Environment.ProcessId}_{Interlocked.Increment(ref databases)}");
        using var admin = new NpgsqlConnection($"Host=127.0.0.1;Port={server.Port};Username={User};Database=postgres;Pooling=false");
        admin.Open();
        using var create = admin.CreateCommand();
        create.CommandText = $"CREATE DATABASE {name}";
        create.ExecuteNonQuery();
        return string.Create(CultureInfo.InvariantCulture, $"postgresql://{User}@127.0.0.1:{server.Port}/{name}");
    }

    private sealed record Server(string Folder, string Binaries, int Port, Process Postgres);

    private static Server Start()
    {
        var binaries = Binaries();
        var folder = Directory.CreateTempSubdirectory("marsad-pg-").FullName;
        var data = Path.Combine(folder, "data");
        var sockets = Path.Combine(folder, "sockets");
        Directory.CreateDirectory(sockets);
        if (Environment.UserName == "root")
        {
            Run("chown", "-R", "postgres:", folder);
        }

        Run(AsServerUser(Path.Combine(binaries, "initdb"), "-D", data, "-U", User, "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"));
        var port = FreePort();
        var (file, arguments) = AsServerUser(
            Path.Combine(binaries, "postgres"), "-D", data, "-k", sockets, "-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture),
            "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=200");
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
        arguments.ForEach(start.ArgumentList.Add);
        var postgres = Process.Start(start) ?? throw new InvalidOperationException("PostgreSQL did not start.");
        postgres.ErrorDataReceived += (_, _) => { };
        postgres.BeginErrorReadLine();
        postgres.BeginOutputReadLine();
        var server = new Server(folder, binaries, port, postgres);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(server);
        WaitUntilReady(server);
        return server;
    }

    /// <summary>The newest PostgreSQL's binaries Debian installed.</summary>
    private static string Binaries()
    {
        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), CultureInfo.InvariantCulture, out var v) ? v : 0).FirstOrDefault()
            : null;
        return installed ?? throw new InvalidOperationException(
            "The PostgreSQL tests need PostgreSQL's server binaries (/usr/lib/postgresql/N/bin/initdb): install Debian's postgresql package, as ./test does.");
    }

    private static void WaitUntilReady(Server server)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                using var probe = new NpgsqlConnection($"Host=127.0.0.1;Port={server.Port};Username={User};Database=postgres;Pooling=false;Timeout=2");
                probe.Open();
                return;
            }
            catch (NpgsqlException) when (DateTime.UtcNow < deadline && !server.Postgres.HasExited)
            {
                Thread.Sleep(100);
            }
        }
    }

    private static void Stop(Server server)
    {
        NpgsqlConnection.ClearAllPools();
        Run(AsServerUser(Path.Combine(server.Binaries, "pg_ctl"), "stop", "-D", Path.Combine(server.Folder, "data"), "-m", "immediate", "-s"));
        server.Postgres.WaitForExit(10_000);
        Directory.Delete(server.Folder, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A command line run as the <c>postgres</c> user when the tests run as root, else as it is.</summary>
    private static (string File, List<string> Arguments) AsServerUser(string file, params string[] arguments) =>
        Environment.UserName == "root" ? ("runuser", ["-u", "postgres", "--", file, .. arguments]) : (file, [.. arguments]);

    private static void Run(string file, params string[] arguments) => Run((file, [.. arguments]));

    private static void Run((string File, List<string> Arguments) command)
    {
        var start = new ProcessStartInfo(command.File) { RedirectStandardError = true, RedirectStandardOutput = true };
        command.Arguments.ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{command.File} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command.File} {string.Join(' ', command.Arguments)} failed ({process.ExitCode}): {errors}{output.Result}");
        }
    }
}
