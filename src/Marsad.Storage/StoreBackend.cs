using System.Data.Common;

namespace Marsad.Storage;

/// <summary>
/// What differs between the engines a <see cref="MarsadStore"/> lives in — SQLite for one person,
/// PostgreSQL for a team (docs/deploy.md) — and nothing else: how a connection is opened and set
/// up, which numbered migrations make the schema, how a read sees one snapshot and a write takes
/// the store's one write lock, how a document's text is kept, and what changes when another
/// connection commits. The store's SQL and code are written once, on <see cref="DbConnection"/>.
/// </summary>
internal abstract class StoreBackend
{
    /// <summary>A <c>postgresql://</c> (or <c>postgres://</c>) URL is a PostgreSQL database; anything else a SQLite file.</summary>
    public static StoreBackend For(string target) =>
        PostgreSqlBackend.IsUrl(target) ? new PostgreSqlBackend(target) : new SqliteBackend(target);

    /// <summary>The folder of this engine's numbered migrations under <c>Migrations/</c>.</summary>
    public abstract string Engine { get; }

    /// <summary>Where the store is, as a person reads it: a path, or a URL without its password.</summary>
    public abstract string Where { get; }

    /// <summary>
    /// Whether a store of this engine may have been made by an older build, whose layout a migration
    /// left work for (a backfill at opening); a PostgreSQL store was never anything but the current one.
    /// </summary>
    public abstract bool MayBeOlder { get; }

    /// <summary>An open connection, set up for the store's SQL (SQL functions, session settings).</summary>
    public abstract DbConnection Connect(bool pooled);

    /// <summary>Brings the schema up to date with this engine's migrations (<see cref="StoreMigrations"/>).</summary>
    public abstract void Migrate(DbConnection connection);

    /// <summary>A command on the connection; its rows can be walked while other commands of the connection run.</summary>
    public abstract DbCommand Command(DbConnection connection);

    /// <summary>A transaction whose reads all see one committed state of the store.</summary>
    public abstract DbTransaction BeginRead(DbConnection connection);

    /// <summary>A transaction that holds the store's write lock from its start: one writer at a time, as SQLite has it.</summary>
    public abstract DbTransaction BeginWrite(DbConnection connection);

    /// <summary>
    /// How the jobs of a batch are locked while they are leased (<c>MarsadStore.LeaseJobs</c>): SQLite
    /// has one writer at a time, so nothing more is needed; PostgreSQL's <c>FOR UPDATE SKIP LOCKED</c>
    /// lets workers leasing at once take different jobs without waiting.
    /// </summary>
    public abstract string LeaseLock { get; }

    /// <summary>A number that moves on whenever any connection commits a change to the store.</summary>
    public abstract long ChangesSeen(DbConnection connection);

    /// <summary>A document's text as <c>documents.text</c> keeps it (<see cref="TextColumn"/>).</summary>
    public abstract object StoredText(string text);

    /// <summary>Copies the store, as it is at one moment, into a new SQLite file.</summary>
    public abstract void Backup(DbConnection connection, string path);

    protected static void Execute(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

/// <summary>Binding values to the named parameters (<c>@name</c>) of a command, the same on every engine.</summary>
internal static class CommandParameters
{
    /// <summary>Adds a parameter with this value (null for SQL NULL).</summary>
    public static DbParameter Bind(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
