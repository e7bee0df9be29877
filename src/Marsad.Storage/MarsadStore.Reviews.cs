using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Marsad.Model;
using Marsad.Reviews;
using Marsad.Serialization;
using Microsoft.Data.Sqlite;

namespace Marsad.Storage;

/// <summary>Reviewers, their tokens, and the review log.</summary>
public sealed partial class MarsadStore
{
    /// <summary>Adds a reviewer and returns their API token; only its SHA-256 is stored, so it is shown this once.</summary>
    public string AddUser(string name)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        using var insert = Command("INSERT INTO users (name, token_hash, created_at) VALUES ($name, $hash, $at)");
        insert.Parameters.AddWithValue("$name", name);
        insert.Parameters.AddWithValue("$hash", TokenHash(token));
        insert.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        insert.ExecuteNonQuery();
        return token;
    }

    /// <summary>The reviewer a token belongs to, or null.</summary>
    public string? Authenticate(string token)
    {
        using var query = Command("SELECT name FROM users WHERE token_hash = $hash");
        query.Parameters.AddWithValue("$hash", TokenHash(token));
        return query.ExecuteScalar() as string;
    }

    /// <summary>Records a review of a stored claim; null when no claim has that id.</summary>
    public Review? AddReview(string claimId, ReviewAction action, ClaimCorrection? correction, string reason, string reviewer)
    {
        using var transaction = connection.BeginTransaction();
        using var find = Command("SELECT doc_hash, span_start, span_end FROM claims WHERE claim_id = $id ORDER BY rowid DESC LIMIT 1", transaction);
        find.Parameters.AddWithValue("$id", claimId);
        using (var reader = find.ExecuteReader())
        {
            if (!reader.Read())
            {
                return null;
            }

            var at = DateTimeOffset.UtcNow;
            using var insert = Command(
                """
                INSERT INTO reviews (doc_hash, span_start, span_end, claim_id, action, correction, reason, reviewer, reviewed_at)
                VALUES ($hash, $start, $end, $id, $action, $correction, $reason, $reviewer, $at) RETURNING id
                """, transaction);
            insert.Parameters.AddWithValue("$hash", reader.GetString(0));
            insert.Parameters.AddWithValue("$start", reader.GetInt32(1));
            insert.Parameters.AddWithValue("$end", reader.GetInt32(2));
            insert.Parameters.AddWithValue("$id", claimId);
            insert.Parameters.AddWithValue("$action", ClaimJson.Code(action));
            insert.Parameters.AddWithValue("$correction", Db(correction is null ? null : JsonSerializer.Serialize(correction, ClaimCorrection.Json)));
            insert.Parameters.AddWithValue("$reason", reason);
            insert.Parameters.AddWithValue("$reviewer", reviewer);
            insert.Parameters.AddWithValue("$at", at.ToString("O", CultureInfo.InvariantCulture));
            var id = (long)insert.ExecuteScalar()!;
            reader.Close();
            transaction.Commit();
            return new Review(id, claimId, action, correction, reason, reviewer, at);
        }
    }

    /// <summary>Whether a claim of this id is stored.</summary>
    public bool HasClaim(string claimId)
    {
        using var query = Command("SELECT EXISTS (SELECT 1 FROM claims WHERE claim_id = $id)");
        query.Parameters.AddWithValue("$id", claimId);
        return Convert.ToInt64(query.ExecuteScalar(), CultureInfo.InvariantCulture) == 1;
    }

    /// <summary>The audit log: every review, oldest first, of one claim (by id) or of all.</summary>
    public IReadOnlyList<Review> Reviews(string? claimId = null)
    {
        using var query = Command(
            """
            SELECT id, claim_id, action, correction, reason, reviewer, reviewed_at FROM reviews
            WHERE $id IS NULL OR (doc_hash, span_start, span_end) IN (SELECT doc_hash, span_start, span_end FROM claims WHERE claim_id = $id)
            ORDER BY id
            """);
        query.Parameters.AddWithValue("$id", Db(claimId));
        using var reader = query.ExecuteReader();
        var reviews = new List<Review>();
        while (reader.Read())
        {
            reviews.Add(ReadReview(reader));
        }

        return reviews;
    }

    /// <summary>Stored claims as extracted, each with the review in force for it (or none).</summary>
    public IReadOnlyList<(Claim Claim, Review? Review)> ClaimsWithReviews(string? docId = null, Category? category = null)
    {
        var reviews = ReviewsInForce();
        return [.. StoredClaims(docId, category).Select(c => (c.Claim, reviews.GetValueOrDefault((c.Hash, c.Claim.Span.Start, c.Claim.Span.End))))];
    }

    /// <summary>The review in force for each reviewed span: the latest.</summary>
    private Dictionary<(string Hash, int Start, int End), Review> ReviewsInForce()
    {
        using var query = Command(
            """
            SELECT id, claim_id, action, correction, reason, reviewer, reviewed_at, doc_hash, span_start, span_end FROM reviews
            WHERE id IN (SELECT max(id) FROM reviews GROUP BY doc_hash, span_start, span_end)
            """);
        using var reader = query.ExecuteReader();
        var reviews = new Dictionary<(string, int, int), Review>();
        while (reader.Read())
        {
            reviews[(reader.GetString(7), reader.GetInt32(8), reader.GetInt32(9))] = ReadReview(reader);
        }

        return reviews;
    }

    private static Review ReadReview(SqliteDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        ClaimJson.Parse<ReviewAction>(reader.GetString(2)) ?? ReviewAction.Confirm,
        Text(reader, 3) is { } json ? JsonSerializer.Deserialize<ClaimCorrection>(json, ClaimCorrection.Json) : null,
        reader.GetString(4),
        reader.GetString(5),
        DateTimeOffset.Parse(reader.GetString(6), CultureInfo.InvariantCulture));

    private static string TokenHash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
