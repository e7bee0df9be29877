using System.Data.Common;
using Marsad.Model;
using Marsad.Time;

namespace Marsad.Storage;

/// <summary>
/// A stored version of a document, when it was published (given or inferred, and how), when it was
/// ingested, how many versions its id has, and its retraction if it was retracted.
/// </summary>
public sealed record StoredDocument(
    SourceDocument Document, PublicationDate Publication, DateTimeOffset IngestedAt, int Version = 1, int Versions = 1, Retraction? Retraction = null)
{
    public bool IsLatest => Version == Versions;
}

/// <summary>Stored documents read back: lists, one document, a version, a text by its hash.</summary>
public sealed partial class MarsadStore
{
    /// <summary>
    /// The stored documents in id order, each in its latest version (retracted ones too, marked): all,
    /// or those whose id, title, source or text contains <paramref name="search"/>; a page of them
    /// with <paramref name="offset"/> and <paramref name="limit"/>.
    /// </summary>
    public IEnumerable<StoredDocument> Documents(string? search = null, int offset = 0, int limit = -1)
    {
        using var query = Command($"SELECT {StoredColumns} WHERE {Latest} AND {DocumentFilter} ORDER BY d.id LIMIT @limit OFFSET @offset");
        query.Bind("@search", Db(search));
        query.Bind("@limit", limit < 0 ? long.MaxValue : limit);
        query.Bind("@offset", offset);

        // Walked here, inside the command's life: the caller reads the documents after this returns.
        foreach (var document in ReadStored(query))
        {
            yield return document;
        }
    }

    /// <summary>One document: the given version, else the latest; null when there is none.</summary>
    public StoredDocument? Document(string id, int? version = null)
    {
        using var query = Command($"SELECT {StoredColumns} WHERE d.id = @id AND (CAST(@version AS INTEGER) IS NULL AND {Latest} OR d.version = @version)");
        query.Bind("@id", id);
        query.Bind("@version", Db(version));
        return ReadStored(query).FirstOrDefault();
    }

    /// <summary>The stored version whose text has this hash (whatever id it was stored under); null when there is none.</summary>
    public StoredDocument? WithText(string hash)
    {
        using var query = Command($"SELECT {StoredColumns} WHERE d.hash = @hash");
        query.Bind("@hash", hash);
        return ReadStored(query).FirstOrDefault();
    }

    /// <summary>Every version of a document, the first first; empty when there is no such document.</summary>
    public IReadOnlyList<StoredDocument> Versions(string id)
    {
        using var query = Command($"SELECT {StoredColumns} WHERE d.id = @id ORDER BY d.version");
        query.Bind("@id", id);
        return [.. ReadStored(query)];
    }

    private static IEnumerable<StoredDocument> ReadStored(DbCommand query)
    {
        using var reader = query.ExecuteReader();
        while (reader.Read())
        {
            var metadata = new DocumentMetadata(
                Text(reader, 2), Text(reader, 3), Text(reader, 4), Text(reader, 5),
                Text(reader, 6) is { } published ? Day(published) : null);
            var publication = metadata.Published is { } given
                ? PublicationDate.Given(given)
                : new PublicationDate(Text(reader, 8) is { } inferred ? Day(inferred) : null, Text(reader, 9) ?? "unknown");
            var retraction = Text(reader, 12) is { } retracted
                ? new Retraction(retracted, reader.GetString(13), reader.GetString(14), Instant(reader.GetString(15)))
                : null;
            yield return new StoredDocument(
                new SourceDocument(reader.GetString(0), TextColumn.Read(reader, 1), metadata),
                publication,
                Instant(reader.GetString(7)),
                reader.GetInt32(10),
                reader.GetInt32(11),
                retraction);
        }
    }
}
