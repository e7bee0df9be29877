using System.Text.Json;
using Marsad.Model;
using Marsad.Reviews;
using Marsad.Tallies;
using Microsoft.Data.Sqlite;

namespace Marsad.Storage;

/// <summary>Where a warning comes in a tally's list: the checks in the order <see cref="TallyBuilder"/> runs them.</summary>
internal enum TallyPhase { Conflict = 1, Decrease = 2, Increment = 3, Breakdown = 4 }

/// <summary>
/// A warning with its place in the tally's list: conflicts in the order their series' first
/// mention is stored, decreases and increments by series, breakdowns in the order their whole is stored.
/// </summary>
internal sealed record RankedWarning(TallyWarning Warning, TallyPhase Phase, long Sort, int Seq);

/// <summary>Reading the tally: the stored series, or — known on a day, or while a change is not yet tallied — the families tallied again as they are read.</summary>
public sealed partial class MarsadStore
{
    /// <summary>
    /// Whether a text is in the view a tally reads: the latest version of its document, not
    /// retracted — or, known on <c>$known</c>, the latest published by then.
    /// </summary>
    private static string InView(string doc) =>
        $"""
        EXISTS (SELECT 1 FROM documents d WHERE d.seq = {doc}
            AND NOT EXISTS (SELECT 1 FROM retractions WHERE doc_id = d.id)
            AND ($known IS NULL OR coalesce(d.published, d.published_inferred) <= $known)
            AND d.version = (SELECT max(version) FROM documents e WHERE e.id = d.id
                AND ($known IS NULL OR coalesce(e.published, e.published_inferred) <= $known)))
        """;

    private const string SeriesFilter =
        "($category IS NULL OR category = $category) AND ($actor IS NULL OR actor = $actor COLLATE ignorecase) AND ($since IS NULL OR since = $since)";

    /// <summary>
    /// The tally a filter asks for, in one snapshot: the series kept in the store, filtered and
    /// ordered in SQL; known on a day, each family tallied again from the mentions of that view.
    /// </summary>
    public TallyRead Tally(TallyFilter filter) => Read(filter, withSeries: true);

    /// <summary>The warnings of the tally a filter asks for, without reading its series' claims: what <c>checks</c> lists.</summary>
    public TallyRead TallyWarnings(TallyFilter filter) => Read(filter, withSeries: false);

    private TallyRead Read(TallyFilter filter, bool withSeries)
    {
        using var read = ReadSnapshot();
        if (MustRetally(filter))
        {
            var all = Retallied(filter.KnownOn);
            var chosen = all.Where(filter.Category, filter.Actor, filter.Since);
            return new TallyRead(withSeries ? chosen : chosen with { Series = [] }, all.Unknown(filter.Actor, filter.Since));
        }

        var unknown = Tallies.Tally.Unknown(filter.Actor, filter.Since, KeyValues("actor", filter.Actor), [.. KeyValues("since", filter.Since?.ToString()).Select(Model.Day.TryParse)]);
        return new TallyRead(new Tally(withSeries ? [.. SeriesOf(filter)] : [], StoredWarnings(filter)), unknown);
    }

    /// <summary>Known on a day, or while a change is not yet tallied, the kept series are not the answer: the families are tallied again.</summary>
    private bool MustRetally(TallyFilter filter) => filter.KnownOn is not null || Count("SELECT count(*) FROM tally_dirty") > 0;

    /// <summary>The distinct values of a series column, read only when a filter names one.</summary>
    private List<string?> KeyValues(string column, string? asked)
    {
        var values = new List<string?>();
        if (asked is null)
        {
            return values;
        }

        using var query = Command($"SELECT DISTINCT {column} FROM tally_series");
        using var reader = query.ExecuteReader();
        while (reader.Read())
        {
            values.Add(Text(reader, 0));
        }

        return values;
    }

    /// <summary>
    /// The series a filter asks for in id order, in one snapshot, each read when the caller comes to
    /// it: what a writer of JSON, CSV or an export holds is one series, whatever the store's size.
    /// </summary>
    public IEnumerable<Series> SeriesOf(TallyFilter filter)
    {
        using var read = ReadSnapshot();
        if (MustRetally(filter))
        {
            foreach (var series in Retallied(filter.KnownOn).Where(filter.Category, filter.Actor, filter.Since).Series)
            {
                yield return series;
            }

            yield break;
        }

        using var reading = new MentionReading(this, Texts, ReviewsInForce(), null);
        using var query = Command($"SELECT points FROM tally_series WHERE {SeriesFilter} ORDER BY id");
        Bind(query, filter);
        using var reader = query.ExecuteReader();
        while (reader.Read())
        {
            yield return SeriesRows.Read(reader.GetString(0), reading.ByRowid);
        }
    }

    /// <summary>
    /// One series by its id (or the older form with '/') with its warnings, as the filter's day saw
    /// it: read alone from the kept series and its family's warnings; known on a day, or while a
    /// change is not yet tallied, found in the tally read again. No series when there is none.
    /// </summary>
    public Tally OneSeries(string id, TallyFilter filter)
    {
        using var read = ReadSnapshot();
        if (MustRetally(filter) || id.Contains('/', StringComparison.Ordinal))
        {
            var tally = Read(filter with { Category = null, Actor = null, Since = null }, withSeries: true).Tally;
            return tally.Find(id) is { } found ? new Tally([found], [.. tally.Warnings.Where(w => w.SeriesId == found.Id)]) : new Tally([], []);
        }

        using var reading = new MentionReading(this, Texts, ReviewsInForce(), null);
        using var query = Command("SELECT points, family FROM tally_series WHERE id = $id");
        query.Parameters.AddWithValue("$id", id);
        using var reader = query.ExecuteReader();
        if (!reader.Read())
        {
            return new Tally([], []);
        }

        var series = SeriesRows.Read(reader.GetString(0), reading.ByRowid);
        using var warnings = Command(
            "SELECT code, series_id, explanation, claim_ids FROM tally_warnings WHERE family = $family AND series_id = $id ORDER BY phase, sort, seq");
        warnings.Parameters.AddWithValue("$family", reader.GetString(1));
        warnings.Parameters.AddWithValue("$id", id);
        return new Tally([series], ReadWarnings(warnings));
    }

    private List<TallyWarning> StoredWarnings(TallyFilter filter)
    {
        using var query = Command(
            $"""
            SELECT code, series_id, explanation, claim_ids FROM tally_warnings w
            WHERE (w.series_id IS NULL OR w.series_id IN (SELECT id FROM tally_series WHERE {SeriesFilter}))
              AND (w.doc IS NULL OR {InView("w.doc")})
            ORDER BY phase, sort, series_id, seq
            """);
        Bind(query, filter);
        query.Parameters.AddWithValue("$known", DBNull.Value);
        return ReadWarnings(query);
    }

    /// <summary>The warnings of a query that answers code, series id, explanation and claim ids.</summary>
    private static List<TallyWarning> ReadWarnings(SqliteCommand query)
    {
        using var reader = query.ExecuteReader();
        var warnings = new List<TallyWarning>();
        while (reader.Read())
        {
            warnings.Add(new TallyWarning(
                reader.GetString(0), Text(reader, 1), reader.GetString(2), JsonSerializer.Deserialize<string[]>(reader.GetString(3))!));
        }

        return warnings;
    }

    private static void Bind(SqliteCommand query, TallyFilter filter)
    {
        query.Parameters.AddWithValue("$category", Db(filter.Category is { } category ? Codes.Of(category) : null));
        query.Parameters.AddWithValue("$actor", Db(filter.Actor));
        query.Parameters.AddWithValue("$since", Db(filter.Since?.ToString()));
    }

    /// <summary>The whole tally of a view, each family tallied again in turn from its mentions.</summary>
    private Tally Retallied(DateOnly? knownOn)
    {
        var families = Strings("SELECT DISTINCT family FROM tally_mentions ORDER BY family");
        using var reading = new MentionReading(this, Texts, ReviewsInForce(), knownOn);
        var series = new List<Series>();
        var warnings = new List<RankedWarning>();
        foreach (var family in families)
        {
            var tallied = TallyFamily(family, reading, null);
            series.AddRange(tallied.Series);
            warnings.AddRange(tallied.Warnings);
        }

        warnings.AddRange(Breakdowns(knownOn));
        return new Tally(
            [.. series.OrderBy(s => s.Id, StringComparer.Ordinal)],
            [.. warnings.OrderBy(w => w.Phase).ThenBy(w => w.Sort).ThenBy(w => w.Warning.SeriesId, StringComparer.Ordinal).ThenBy(w => w.Seq).Select(w => w.Warning)]);
    }

    private List<RankedWarning> Breakdowns(DateOnly? knownOn)
    {
        using var query = Command(
            $"SELECT code, explanation, claim_ids, sort, seq FROM tally_warnings w WHERE w.doc IS NOT NULL AND {InView("w.doc")}");
        query.Parameters.AddWithValue("$known", Db(Iso(knownOn)));
        using var reader = query.ExecuteReader();
        var warnings = new List<RankedWarning>();
        while (reader.Read())
        {
            var warning = new TallyWarning(reader.GetString(0), null, reader.GetString(1), JsonSerializer.Deserialize<string[]>(reader.GetString(2))!);
            warnings.Add(new RankedWarning(warning, TallyPhase.Breakdown, reader.GetInt64(3), reader.GetInt32(4)));
        }

        return warnings;
    }

    /// <summary>The series of one family and their warnings, from the mentions of the view, in the order the claims are stored.</summary>
    private FamilyTally TallyFamily(string family, MentionReading reading, SqliteTransaction? transaction)
    {
        var mentions = new List<Mention>();
        var rowids = new Dictionary<string, long>(StringComparer.Ordinal);
        var first = new Dictionary<string, long>(StringComparer.Ordinal);
        using (var query = Command(
            $"""
            SELECT {ClaimRows.Columns} FROM tally_mentions t
            JOIN claims c ON c.doc = t.doc AND c.ordinal = t.ordinal JOIN documents d ON d.seq = c.doc
            WHERE t.family = $family AND {InView("t.doc")}
            ORDER BY c.seq
            """, transaction))
        {
            query.Parameters.AddWithValue("$family", family);
            query.Parameters.AddWithValue("$known", Db(Iso(reading.KnownOn)));
            using var reader = query.ExecuteReader();
            while (reader.Read())
            {
                if (reading.Mention(reader) is { } mention)
                {
                    var rowid = reader.GetInt64(ClaimRows.Count + 2);
                    mentions.Add(mention);
                    rowids[mention.Claim.Id] = rowid;
                    first.TryAdd(SeriesKey.Of(mention.Claim).Id, rowid);
                }
            }
        }

        var tally = TallyBuilder.Series(mentions);
        var ranked = tally.Warnings.Select((warning, seq) => warning.Code switch
        {
            WarningCodes.ValueConflict => new RankedWarning(warning, TallyPhase.Conflict, first[warning.SeriesId!], seq),
            WarningCodes.SeriesDecrease => new RankedWarning(warning, TallyPhase.Decrease, 0, seq),
            _ => new RankedWarning(warning, TallyPhase.Increment, 0, seq),
        });
        return new FamilyTally(tally.Series, [.. ranked], rowids);
    }

    private sealed record FamilyTally(IReadOnlyList<Series> Series, IReadOnlyList<RankedWarning> Warnings, Dictionary<string, long> Rowids);

    /// <summary>
    /// Stored claims read as mentions of a tally: reviews applied, with their report's publication
    /// date, source and provenance; with no <paramref name="texts"/>, only for their figures
    /// (<see cref="ClaimRows.Read"/>). The reports are remembered while they are read, a bounded number.
    /// </summary>
    private sealed class MentionReading(
        MarsadStore store, DocumentTexts? texts, Dictionary<(string Hash, int Start, int End), ReviewState> reviews, DateOnly? knownOn) : IDisposable
    {
        private const int ReportsRemembered = 4096;

        private readonly Dictionary<string, StoredVersion> versions = new(StringComparer.Ordinal);

        private SqliteCommand? byRowid;

        public DateOnly? KnownOn => knownOn;

        /// <summary>The mention of a row of claim columns followed by the text's hash and the extractor's version; null when a review rejected it.</summary>
        public Mention? Mention(SqliteDataReader row)
        {
            var claim = ClaimRows.Read(row, texts);
            var hash = row.GetString(ClaimRows.Count);
            var review = reviews.Count > 0 ? reviews.GetValueOrDefault((hash, claim.Span.Start, claim.Span.End)) : null;
            if ((review is null ? claim : review.Apply(claim)) is not { } reviewed)
            {
                return null;
            }

            var report = Version(hash);
            return new Mention(reviewed, report.Published, report.Source, report.Provenance(row.GetString(ClaimRows.Count + 1), review?.Latest.Action));
        }

        /// <summary>The mention of a stored claim by its rowid.</summary>
        public Mention ByRowid(long rowid)
        {
            if (byRowid is null)
            {
                byRowid = store.Command($"SELECT {ClaimRows.Columns} FROM {ClaimRows.From} WHERE c.seq = $rowid");
                byRowid.Parameters.Add(new SqliteParameter("$rowid", rowid));
            }

            byRowid.Parameters[0].Value = rowid;
            using var reader = byRowid.ExecuteReader();
            reader.Read();
            return Mention(reader) ?? throw new InvalidOperationException($"A stored series names claim row {rowid}, which a review has rejected since.");
        }

        private StoredVersion Version(string hash)
        {
            if (!versions.TryGetValue(hash, out var version))
            {
                if (versions.Count == ReportsRemembered)
                {
                    versions.Clear();
                }

                version = store.StoredVersions(hash).Single();
                versions[hash] = version;
            }

            return version;
        }

        public void Dispose() => byRowid?.Dispose();
    }
}
