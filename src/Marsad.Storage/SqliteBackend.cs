using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Marsad.Storage;

/// <summary>
/// A store in one SQLite file: WAL journaling lets readers work while one writer writes; the SQL
/// functions the store's SQL calls (<c>document_text</c>, the <c>ignorecase</c> collation) are
/// registered on each connection; texts are kept compressed (<see cref="TextColumn"/>).
/// </summary>
internal sealed class SqliteBackend(string path) : StoreBackend
{
    public override string Engine => "Sqlite";

    public override string Where => path;

    public override bool MayBeOlder => true;

    public override DbConnection Connect(bool pooled)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = pooled }.ToString());
        connection.Open();
        Execute(connection, "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;");
        connection.CreateCollation("ignorecase", (a, b) => string.Compare(a, b, StringComparison.OrdinalIgnoreCase));
        connection.CreateFunction<object, string>("document_text", TextColumn.Unpack, isDeterministic: true);
        return connection;
    }

    public override void Migrate(DbConnection connection)
    {
        // Foreign keys are off while migrations run: one that rebuilds a table drops the old one, which must not cascade.
        Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = OFF; PRAGMA synchronous = NORMAL;");
        StoreMigrations.Apply(this, connection);
        Execute(connection, "PRAGMA foreign_keys = ON;");
    }

    public override DbCommand Command(DbConnection connection) => connection.CreateCommand();

    public override string LeaseLock => "";

    /// <summary>A deferred transaction: SQLite gives its reads one snapshot of a WAL database and takes no lock.</summary>
    public override DbTransaction BeginRead(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: true);

    /// <summary>BEGIN IMMEDIATE: the file's write lock, taken at once.</summary>
    public override DbTransaction BeginWrite(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: false);

    /// <summary>SQLite's <c>data_version</c>: moved on by every commit of another connection, never by this one's.</summary>
    public override long ChangesSeen(DbConnection connection)
    {
        using var query = connection.CreateCommand();
        query.CommandText = "PRAGMA data_version";
        return (long)query.ExecuteScalar()!;
    }

    public override object StoredText(string text) => TextColumn.Pack(text);

    /// <summary>SQLite's online backup: the store as it was at one moment, while others go on reading and writing it (WAL).</summary>
    public override void Backup(DbConnection connection, string path)
    {
        using var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
        copy.Open();
        ((SqliteConnection)connection).BackupDatabase(copy);
    }
}
