using System.Data.Common;
using Marsad.Model;
using Marsad.Tallies;

namespace Marsad.Storage;

/// <summary>The record's claims read at once as mentions, and the stored texts without their text.</summary>
public sealed partial class MarsadStore
{
    /// <summary>
    /// Every claim of the record as reviewed — a rejected claim left out, a corrected one with its
    /// corrections — with its report's publication date (given, else inferred) and source: what a
    /// tally is built from. The record is the latest version of each document not retracted; with
    /// <paramref name="knownOn"/>, the latest version published by that day (knowledge time).
    /// </summary>
    public IReadOnlyList<Mention> Mentions(DateOnly? knownOn = null)
    {
        using var read = ReadSnapshot();
        var reviews = ReviewsInForce();
        var reports = RecordVersions(knownOn);

        // In storage order: the tally orders what it needs itself.
        // Reading a row costs far more than finding it, so the table is read in slices of rowids,
        // one a core, each on its own connection (readers share the store). A slice whose
        // connection sees another commit than this one's snapshot is not used: the whole table is
        // then read here, so a tally never mixes two states of the store.
        var generation = Generation(connection, snapshot);
        var (first, last) = RowidRange();
        var slices = Math.Clamp(Environment.ProcessorCount, 1, MostReadSlices);
        var width = ((last - first) / slices) + 1;
        var parts = new List<Mention>[slices];
        var sameSnapshot = true;
        Parallel.For(0, slices, slice =>
        {
            using var reader = backend.Connect(pooled);
            using var transaction = backend.BeginRead(reader);
            if (Generation(reader, transaction) != generation)
            {
                sameSnapshot = false;
                return;
            }

            using var query = backend.Command(reader);
            query.Transaction = transaction;
            query.CommandText = $"SELECT {ClaimRows.Columns} FROM {ClaimRows.From} WHERE c.seq >= @from AND c.seq < @to";
            query.Bind("@from", first + (slice * width));
            query.Bind("@to", first + ((slice + 1) * width));
            using var texts = new DocumentTexts(backend.Command(reader), () => transaction);
            parts[slice] = ReadMentions(query, texts, reports, reviews);
        });
        if (!sameSnapshot)
        {
            using var all = Command($"SELECT {ClaimRows.Columns} FROM {ClaimRows.From}");
            return ReadMentions(all, Texts, reports, reviews);
        }

        return [.. parts.SelectMany(p => p)];
    }

    private static List<Mention> ReadMentions(
        DbCommand query, DocumentTexts texts, Dictionary<string, StoredVersion> reports, Dictionary<(string Hash, int Start, int End), Reviews.ReviewState> reviews)
    {
        using var rows = query.ExecuteReader();
        var part = new List<Mention>();
        while (rows.Read())
        {
            var hash = rows.GetString(ClaimRows.Count);
            if (!reports.TryGetValue(hash, out var report))
            {
                continue;
            }

            var claim = ClaimRows.Read(rows, texts);
            var review = reviews.Count > 0 ? reviews.GetValueOrDefault((hash, claim.Span.Start, claim.Span.End)) : null;
            if ((review is null ? claim : review.Apply(claim)) is { } reviewed)
            {
                part.Add(new Mention(reviewed, report.Published, report.Source, report.Provenance(rows.GetString(ClaimRows.Count + 1), review?.Latest.Action)));
            }
        }

        return part;
    }

    /// <summary>
    /// The texts a view of the record reads, by hash: for each document not retracted, its latest
    /// version — or, known on a day, the latest published by then.
    /// </summary>
    private Dictionary<string, StoredVersion> RecordVersions(DateOnly? knownOn)
    {
        var latest = new Dictionary<string, StoredVersion>(StringComparer.Ordinal);
        foreach (var version in StoredVersions().Where(v => !v.Retracted && (knownOn is null || v.Published <= knownOn)))
        {
            if (!latest.TryGetValue(version.Id, out var seen) || seen.Version < version.Version)
            {
                latest[version.Id] = version;
            }
        }

        return latest.Values.ToDictionary(v => v.Hash, StringComparer.Ordinal);
    }

    /// <summary>Every stored text by hash, without the text: what provenance needs.</summary>
    private Dictionary<string, StoredVersion> VersionsByHash() => StoredVersions().ToDictionary(v => v.Hash, StringComparer.Ordinal);

    /// <summary>Every stored text without the text, or the one with this hash.</summary>
    private List<StoredVersion> StoredVersions(string? hash = null)
    {
        // Documents in their own query: their columns after the text would make a join walk every
        // report's text once per claim. One text is found by its key, not by a scan of every text.
        using var documents = Command(
            $"""
            SELECT hash, id, version, coalesce(published, published_inferred), source, url,
                   EXISTS (SELECT 1 FROM retractions WHERE doc_id = d.id)
            FROM documents d {(hash is null ? "" : "WHERE hash = @hash")}
            """);
        documents.Bind("@hash", Db(hash));
        using var reader = documents.ExecuteReader();
        var versions = new List<StoredVersion>();
        while (reader.Read())
        {
            versions.Add(new StoredVersion(
                reader.GetString(0), reader.GetString(1), reader.GetInt32(2), Text(reader, 3) is { } day ? Day(day) : null,
                Text(reader, 4), Text(reader, 5), reader.GetBoolean(6)));
        }

        return versions;
    }

    /// <summary>A stored text of a document, without the text.</summary>
    private sealed record StoredVersion(string Hash, string Id, int Version, DateOnly? Published, string? Source, string? Url, bool Retracted)
    {
        public Provenance Provenance(string extractorVersion, ReviewAction? review) =>
            new(Source, Url, Published, Version, Hash, extractorVersion, review);
    }

    private (long First, long Last) RowidRange()
    {
        using var range = Command("SELECT coalesce(min(seq), 0), coalesce(max(seq), 0) FROM claims");
        using var reader = range.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
