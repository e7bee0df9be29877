namespace Marsad.Tests.Support;

/// <summary>The engines a store's contract tests run on: each test class has a subclass for each.</summary>
public enum Engine
{
    Sqlite,
    PostgreSql,
}

public static class Engines
{
    /// <summary>A new store's target: a file in <paramref name="folder"/>, or a new database on the tests' PostgreSQL server.</summary>
    public static string NewStore(this Engine engine, string folder) =>
        engine == Engine.Sqlite ? Path.Combine(folder, "marsad.db") : PostgreSqlServer.NewDatabase();
}
