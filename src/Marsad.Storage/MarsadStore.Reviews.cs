using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Marsad.Model;
using Marsad.Reviews;

namespace Marsad.Storage;

/// <summary>Reviewers, their tokens, and the review log.</summary>
public sealed partial class MarsadStore
{
    /// <summary>Adds an account and returns its API token; only its SHA-256 is stored, so it is shown this once. Null when the name is taken.</summary>
    public string? AddUser(string name, UserRole role = UserRole.Reviewer)
    {
        var token = NewToken();
        using var insert = Command(
            "INSERT INTO users (name, token_hash, role, created_at) VALUES (@name, @hash, @role, @at) ON CONFLICT (name) DO NOTHING");
        insert.Bind("@name", name);
        insert.Bind("@hash", TokenHash(token));
        insert.Bind("@role", Codes.Of(role));
        insert.Bind("@at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        return insert.ExecuteNonQuery() == 1 ? token : null;
    }

    /// <summary>The account a token belongs to, unless it was revoked; else null.</summary>
    public User? Authenticate(string token)
    {
        using var query = Command("SELECT name, role, created_at, revoked_at FROM users WHERE token_hash = @hash AND revoked_at IS NULL");
        query.Bind("@hash", TokenHash(token));
        return ReadUsers(query).FirstOrDefault();
    }

    /// <summary>Every account, revoked ones too, by name.</summary>
    public IReadOnlyList<User> Users()
    {
        using var query = Command("SELECT name, role, created_at, revoked_at FROM users ORDER BY name");
        return [.. ReadUsers(query)];
    }

    /// <summary>Revokes an account: its token stops working, its name stays in the logs. False when there is no such account or it is revoked already.</summary>
    public bool RevokeUser(string name)
    {
        using var update = Command("UPDATE users SET revoked_at = @at WHERE name = @name AND revoked_at IS NULL");
        update.Bind("@name", name);
        update.Bind("@at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        return update.ExecuteNonQuery() == 1;
    }

    /// <summary>Gives an account a new token, the old one stops working; null when there is no such account or it was revoked.</summary>
    public string? RotateToken(string name)
    {
        var token = NewToken();
        using var update = Command("UPDATE users SET token_hash = @hash WHERE name = @name AND revoked_at IS NULL");
        update.Bind("@name", name);
        update.Bind("@hash", TokenHash(token));
        return update.ExecuteNonQuery() == 1 ? token : null;
    }

    private static IEnumerable<User> ReadUsers(DbCommand query)
    {
        using var reader = query.ExecuteReader();
        while (reader.Read())
        {
            yield return new User(
                reader.GetString(0),
                Codes.Parse<UserRole>(reader.GetString(1)) ?? UserRole.Reviewer,
                Instant(reader.GetString(2)),
                Text(reader, 3) is { } revoked ? Instant(revoked) : null);
        }
    }

    private static string NewToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>
    /// Records a review of a stored claim once the claim as corrected — every earlier correction of
    /// it, then this one — passes the codebook's checks (<see cref="ClaimCorrection.Problems"/>);
    /// refused with the fields to blame otherwise.
    /// </summary>
    public ReviewOutcome AddReview(string claimId, ReviewAction action, ClaimCorrection? correction, string reason, string reviewer)
    {
        using var write = BeginWrite().Begin();
        var transaction = write.Transaction;
        string hash;
        Claim claim;
        using (var find = Command($"SELECT {ClaimRows.Columns} FROM {ClaimRows.From} WHERE {WithClaimId} ORDER BY c.seq DESC LIMIT 1", transaction))
        {
            BindClaimId(find, claimId);
            using var reader = find.ExecuteReader();
            if (!reader.Read())
            {
                return new ReviewOutcome.NoSuchClaim();
            }

            claim = ClaimRows.Read(reader, Texts);
            hash = reader.GetString(ClaimRows.Count);
        }

        if (correction is not null)
        {
            var earlier = ReviewsOf(hash, claim.Span, transaction);
            var corrections = earlier?.Corrections is { } before ? before.Then(correction) : correction;
            var problems = correction.Problems(corrections.ApplyTo(claim), TextClaims(hash, transaction));
            if (problems.Count > 0)
            {
                return new ReviewOutcome.Refused(problems);
            }
        }

        var at = DateTimeOffset.UtcNow;
        using var insert = Command(
            """
            INSERT INTO reviews (doc_hash, span_start, span_end, claim_id, action, correction, reason, reviewer, reviewed_at)
            VALUES (@hash, @start, @end, @id, @action, @correction, @reason, @reviewer, @at) RETURNING id
            """, transaction);
        insert.Bind("@hash", hash);
        insert.Bind("@start", claim.Span.Start);
        insert.Bind("@end", claim.Span.End);
        insert.Bind("@id", claimId);
        insert.Bind("@action", Codes.Of(action));
        insert.Bind("@correction", Db(correction?.ToJson()));
        insert.Bind("@reason", reason);
        insert.Bind("@reviewer", reviewer);
        insert.Bind("@at", at.ToString("O", CultureInfo.InvariantCulture));
        var id = (long)insert.ExecuteScalar()!;
        IndexText(hash, transaction);
        Settle(transaction);
        write.Commit();
        return new ReviewOutcome.Recorded(new Review(id, claimId, action, correction, reason, reviewer, at));
    }

    /// <summary>Whether a claim of this id is stored.</summary>
    public bool HasClaim(string claimId)
    {
        using var query = Command($"SELECT EXISTS (SELECT 1 FROM {ClaimRows.From} WHERE {WithClaimId})");
        BindClaimId(query, claimId);
        return Convert.ToInt64(query.ExecuteScalar(), CultureInfo.InvariantCulture) == 1;
    }

    /// <summary>The audit log: every review, oldest first, of one claim (by id) or of all.</summary>
    public IReadOnlyList<Review> Reviews(string? claimId = null)
    {
        using var query = Command(
            $"""
            SELECT id, claim_id, action, correction, reason, reviewer, reviewed_at FROM reviews
            WHERE CAST(@id AS TEXT) IS NULL OR (doc_hash, span_start, span_end) IN (SELECT d.hash, c.span_start, c.span_end FROM {ClaimRows.From} WHERE {WithClaimId})
            ORDER BY id
            """);
        BindClaimId(query, claimId);
        using var reader = query.ExecuteReader();
        var reviews = new List<Review>();
        while (reader.Read())
        {
            reviews.Add(ReadReview(reader));
        }

        return reviews;
    }

    /// <summary>
    /// Claims as extracted (as <see cref="Claims"/> chooses them), each with what its reviews add up
    /// to (or none) and where it comes from; streamed from the store as they are enumerated, so a
    /// reader that keeps a page holds a page, not the record.
    /// </summary>
    public IEnumerable<ClaimRecord> ClaimsWithReviews(string? docId = null, Category? category = null, int? version = null)
    {
        var reviews = ReviewsInForce();
        var versions = VersionsByHash();
        return StoredClaims(docId, category, version).Select(c =>
        {
            var review = reviews.GetValueOrDefault((c.Hash, c.Claim.Span.Start, c.Claim.Span.End));
            return new ClaimRecord(c.Claim, review, versions[c.Hash].Provenance(c.ExtractorVersion, review?.Latest.Action));
        });
    }

    /// <summary>What the reviews of each reviewed span add up to: the latest decision, every correction composed.</summary>
    private Dictionary<(string Hash, int Start, int End), ReviewState> ReviewsInForce(string? hash = null)
    {
        using var query = Command(
            "SELECT id, claim_id, action, correction, reason, reviewer, reviewed_at, doc_hash, span_start, span_end FROM reviews "
            + (hash is null ? "ORDER BY id" : "WHERE doc_hash = @hash ORDER BY id"));
        query.Bind("@hash", Db(hash));
        using var reader = query.ExecuteReader();
        var states = new Dictionary<(string, int, int), ReviewState>();
        while (reader.Read())
        {
            var span = (reader.GetString(7), reader.GetInt32(8), reader.GetInt32(9));
            states[span] = ReviewState.After(states.GetValueOrDefault(span), ReadReview(reader));
        }

        return states;
    }

    /// <summary>What the reviews of one span add up to, read in the writer's transaction.</summary>
    private ReviewState? ReviewsOf(string hash, TextSpan span, DbTransaction transaction)
    {
        using var query = Command(
            """
            SELECT id, claim_id, action, correction, reason, reviewer, reviewed_at FROM reviews
            WHERE doc_hash = @hash AND span_start = @start AND span_end = @end ORDER BY id
            """, transaction);
        query.Bind("@hash", hash);
        query.Bind("@start", span.Start);
        query.Bind("@end", span.End);
        using var reader = query.ExecuteReader();
        var reviews = new List<Review>();
        while (reader.Read())
        {
            reviews.Add(ReadReview(reader));
        }

        return ReviewState.Of(reviews);
    }

    /// <summary>Every claim of one stored text, as extracted.</summary>
    private List<Claim> TextClaims(string hash, DbTransaction transaction)
    {
        using var query = Command($"SELECT {ClaimRows.Columns} FROM {ClaimRows.From} WHERE d.hash = @hash ORDER BY c.ordinal", transaction);
        query.Bind("@hash", hash);
        using var reader = query.ExecuteReader();
        var claims = new List<Claim>();
        while (reader.Read())
        {
            claims.Add(ClaimRows.Read(reader, Texts));
        }

        return claims;
    }

    /// <summary>
    /// The claims of an id (<c>@id</c>, <c>@prefix</c>, <c>@ordinal</c>, <see cref="BindClaimId"/>): one whose
    /// id is stored because it is not the one its row implies, or the claim at the ordinal of the
    /// document version the id names (DOC#n, DOC@vK#n).
    /// </summary>
    private const string WithClaimId =
        """
        c.seq IN (
            SELECT seq FROM claims WHERE claim_id = @id
            UNION ALL
            SELECT n.seq FROM documents v JOIN claims n ON n.doc = v.seq AND n.ordinal = @ordinal
            WHERE n.claim_id IS NULL AND (v.id = @doc AND v.version = @version OR v.id = @prefix AND v.version = 1))
        """;

    /// <summary>The parameters of <see cref="WithClaimId"/>: the id, and the document, version and ordinal it names.</summary>
    private static void BindClaimId(DbCommand query, string? claimId)
    {
        var hash = claimId?.LastIndexOf('#') ?? -1;
        var prefix = hash < 0 ? null : claimId![..hash];
        var ordinal = hash >= 0 && int.TryParse(claimId.AsSpan(hash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n - 1 : -1;
        var at = prefix?.LastIndexOf("@v", StringComparison.Ordinal) ?? -1;
        var version = at >= 0 && int.TryParse(prefix.AsSpan(at + 2), NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v >= 2 ? v : -1;
        query.Bind("@id", Db(claimId));
        query.Bind("@prefix", Db(prefix));
        query.Bind("@ordinal", ordinal);
        query.Bind("@doc", Db(at >= 0 ? prefix![..at] : null));
        query.Bind("@version", version);
    }

    /// <summary>A logged review; a stored correction is read with today's checks, a field they refuse left out.</summary>
    private static Review ReadReview(DbDataReader reader)
    {
        ClaimCorrection? correction = null;
        if (Text(reader, 3) is { } json)
        {
            using var parsed = JsonDocument.Parse(json);
            correction = ClaimCorrection.Read(parsed.RootElement).Correction;
        }

        return new Review(
            reader.GetInt64(0),
            reader.GetString(1),
            Codes.Parse<ReviewAction>(reader.GetString(2)) ?? ReviewAction.Confirm,
            correction,
            reader.GetString(4),
            reader.GetString(5),
            Instant(reader.GetString(6)));
    }

    private static string TokenHash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
