using System.Data;
using System.Data.Common;
using System.Globalization;
using Npgsql;

namespace Marsad.Storage;

/// <summary>
/// A store in a PostgreSQL database, named by a URL <c>postgresql://USER[:PASSWORD]@HOST[:PORT]/DB</c>
/// (a password not in the URL comes from <c>PGPASSWORD</c> or <c>~/.pgpass</c>, as for psql). The SQL
/// functions the store's SQL calls are made by its first migration; texts are kept as text, which
/// PostgreSQL compresses itself (TOAST); a read sees one snapshot in a REPEATABLE READ transaction;
/// writers take one advisory lock, so that the store has one writer at a time as a SQLite file has.
/// </summary>
internal sealed class PostgreSqlBackend : StoreBackend
{
    /// <summary>The advisory lock every write transaction holds: any number, the same in every process ("MRSD").</summary>
    private const long WriteLock = 0x4D525344;

    private readonly string connectionString;

    public PostgreSqlBackend(string url)
    {
        var uri = new Uri(url);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
        };
        var user = uri.UserInfo.Split(':', 2);
        if (user[0].Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(user[0]);
        }

        if (user.Length == 2)
        {
            builder.Password = Uri.UnescapeDataString(user[1]);
        }

        connectionString = builder.ConnectionString;
        Where = new UriBuilder(uri) { Password = "" }.Uri.ToString().TrimEnd('/');
    }

    public static bool IsUrl(string target) =>
        target.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || target.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase);

    public override string Engine => "PostgreSql";

    public override string Where { get; }

    public override bool MayBeOlder => false;

    public override DbConnection Connect(bool pooled)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = pooled }.ConnectionString);
        connection.Open();
        return connection;
    }

    public override void Migrate(DbConnection connection) => StoreMigrations.Apply(this, connection);

    public override DbCommand Command(DbConnection connection) => new BufferedCommand((NpgsqlCommand)connection.CreateCommand());

    public override string LeaseLock => "FOR UPDATE SKIP LOCKED";

    public override DbTransaction BeginRead(DbConnection connection) => connection.BeginTransaction(IsolationLevel.RepeatableRead);

    public override DbTransaction BeginWrite(DbConnection connection)
    {
        var transaction = connection.BeginTransaction();
        using var lockCommand = connection.CreateCommand();
        lockCommand.Transaction = transaction;
        lockCommand.CommandText = string.Create(CultureInfo.InvariantCulture, $"SELECT pg_advisory_xact_lock({WriteLock})");
        lockCommand.ExecuteNonQuery();
        return transaction;
    }

    /// <summary>The counter every statement that changes a table moves on (<c>001_schema.sql</c>): seen only once committed.</summary>
    public override long ChangesSeen(DbConnection connection)
    {
        using var query = connection.CreateCommand();
        query.CommandText = "SELECT value FROM changes";
        return Convert.ToInt64(query.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public override object StoredText(string text) => text;

    public override void Backup(DbConnection connection, string path) =>
        throw new NotSupportedException($"backup copies a SQLite store; for {Where} use pg_dump.");
}
