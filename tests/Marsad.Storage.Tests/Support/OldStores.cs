using System.Globalization;
using System.Text.Json;
using Marsad.Model;
using Marsad.Storage;
using Microsoft.Data.Sqlite;

namespace Marsad.Tests.Support;

/// <summary>
/// A store as migrations 001–007 made it, written from documents and claims read out of a current
/// one: claims keyed by their text's hash, each with a copy of its text and quote, its id and its
/// document id, and the reviews of the current store. The kept tally is left to be filled in, as
/// 007 leaves it in a store that has documents.
/// </summary>
internal static class OldStores
{
    private static readonly string[] Migrations =
        ["001_initial", "002_reviews", "003_document_versions", "004_user_roles", "005_monitoring", "006_failures", "007_tallies"];

    /// <param name="current">The store the documents were read from: its order of texts, its users and reviews.</param>
    public static void Write(string path, IEnumerable<(StoredDocument Document, IReadOnlyList<Claim> Claims)> stored, string current)
    {
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        using (var source = new SqliteConnection($"Data Source={current};Pooling=False"))
        {
            source.Open();
            using var texts = source.CreateCommand();
            texts.CommandText = "SELECT hash FROM documents ORDER BY seq";
            using var reader = texts.ExecuteReader();
            while (reader.Read())
            {
                order[reader.GetString(0)] = order.Count;
            }
        }

        using var old = new SqliteConnection($"Data Source={path};Pooling=False");
        old.Open();
        Execute(old, "CREATE TABLE schema_migrations (version TEXT PRIMARY KEY, applied_at TEXT NOT NULL)");
        foreach (var migration in Migrations)
        {
            using var stream = typeof(MarsadStore).Assembly.GetManifestResourceStream($"Marsad.Storage.Migrations.Sqlite.{migration}.sql")!;
            Execute(old, new StreamReader(stream).ReadToEnd());
            Execute(old, $"INSERT INTO schema_migrations VALUES ('{migration}', '2026-01-01T00:00:00Z')");
        }

        using var transaction = old.BeginTransaction();
        foreach (var (version, claims) in stored.OrderBy(s => order[s.Document.Document.Hash]))
        {
            var document = version.Document;
            var m = document.Metadata;
            Insert(old, transaction, "documents", new()
            {
                ["hash"] = document.Hash, ["id"] = document.Id, ["version"] = version.Version, ["text"] = document.Text, ["title"] = m.Title,
                ["source"] = m.Source, ["url"] = m.Url, ["lang"] = m.Lang,
                ["published"] = m.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["published_inferred"] = version.Publication.IsInferred ? version.Publication.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
                ["published_how"] = version.Publication.How, ["ingested_at"] = version.IngestedAt.ToString("O", CultureInfo.InvariantCulture),
            });
            var ordinal = 0;
            foreach (var c in claims)
            {
                Insert(old, transaction, "claims", new()
                {
                    ["doc_hash"] = document.Hash, ["ordinal"] = ordinal++, ["claim_id"] = c.Id, ["doc_id"] = c.Doc, ["span_start"] = c.Span.Start,
                    ["span_end"] = c.Span.End, ["text"] = c.Text, ["quote"] = c.Quote, ["headline"] = c.Headline ? 1 : 0, ["value"] = c.Value,
                    ["low"] = c.Low, ["high"] = c.High, ["qualifier"] = Codes.Of(c.Qualifier), ["magnitude"] = Code(c.Magnitude), ["unit"] = c.Unit,
                    ["category"] = Codes.Of(c.Category), ["also"] = JsonSerializer.Serialize(c.Also.Select(Codes.Of)), ["actor"] = c.Group.Actor,
                    ["role"] = Code(c.Group.Role), ["age"] = Code(c.Group.Age), ["sex"] = Code(c.Group.Sex), ["nationality"] = c.Group.Nationality,
                    ["perpetrator"] = c.Perpetrator, ["cause"] = Code(c.Cause), ["time_kind"] = Code(c.Time.Kind), ["since"] = c.Time.Since?.ToString(),
                    ["period_start"] = c.Time.Start?.ToString(), ["period_end"] = c.Time.End?.ToString(), ["as_of"] = c.Time.AsOf?.ToString(), ["place_name"] = c.Place.Name,
                    ["admin1"] = c.Place.Admin1, ["gazetteer_id"] = c.Place.GazetteerId, ["lat"] = c.Place.Lat, ["lon"] = c.Place.Lon,
                    ["parent"] = c.Parent, ["attribution"] = c.Attribution, ["warnings"] = JsonSerializer.Serialize(c.Warnings),
                    ["extractor_version"] = "0.1.0",
                });
            }
        }

        using (var pending = old.CreateCommand())
        {
            pending.Transaction = transaction;
            pending.CommandText = "INSERT INTO tally_backfill VALUES (1)";
            pending.ExecuteNonQuery();
        }

        transaction.Commit();
        Execute(old, $"ATTACH DATABASE '{current}' AS current");
        Execute(old, "INSERT INTO users (name, token_hash, created_at, role) SELECT name, token_hash, created_at, role FROM current.users");
        Execute(old, "INSERT INTO reviews SELECT * FROM current.reviews");
        Execute(old, "DETACH DATABASE current");
    }

    private static void Insert(SqliteConnection connection, SqliteTransaction transaction, string table, Dictionary<string, object?> row)
    {
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO {table} ({string.Join(", ", row.Keys)}) VALUES ({string.Join(", ", row.Keys.Select(k => "$" + k))})";
        foreach (var (name, value) in row)
        {
            insert.Parameters.AddWithValue("$" + name, value ?? DBNull.Value);
        }

        insert.ExecuteNonQuery();
    }

    private static string? Code<T>(T? value)
        where T : struct, Enum => value is { } v ? Codes.Of(v) : null;

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
