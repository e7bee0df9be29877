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
    /// <summary>Adds an account and returns its API token; only its SHA-256 is stored, so it is shown this once. Null when the name is taken.</summary>
    public string? AddUser(string name, UserRole role = UserRole.Reviewer)
    {
        var token = NewToken();
        using var insert = Command(
            "INSERT INTO users (name, token_hash, role, created_at) VALUES ($name, $hash, $role, $at) ON CONFLICT (name) DO NOTHING");
        insert.Parameters.AddWithValue("$name", name);
        insert.Parameters.AddWithValue("$hash", TokenHash(token));
        insert.Parameters.AddWithValue("$role", ClaimJson.Code(role));
        insert.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        return insert.ExecuteNonQuery() == 1 ? token : null;
    }

    /// <summary>The account a token belongs to, unless it was revoked; else null.</summary>
    public User? Authenticate(string token)
    {
        using var query = Command("SELECT name, role, created_at, revoked_at FROM users WHERE token_hash = $hash AND revoked_at IS NULL");
        query.Parameters.AddWithValue("$hash", TokenHash(token));
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
        using var update = Command("UPDATE users SET revoked_at = $at WHERE name = $name AND revoked_at IS NULL");
        update.Parameters.AddWithValue("$name", name);
        update.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        return update.ExecuteNonQuery() == 1;
    }

    /// <summary>Gives an account a new token, the old one stops working; null when there is no such account or it was revoked.</summary>
    public string? RotateToken(string name)
    {
        var token = NewToken();
        using var update = Command("UPDATE users SET token_hash = $hash WHERE name = $name AND revoked_at IS NULL");
        update.Parameters.AddWithValue("$name", name);
        update.Parameters.AddWithValue("$hash", TokenHash(token));
        return update.ExecuteNonQuery() == 1 ? token : null;
    }

    private static IEnumerable<User> ReadUsers(SqliteCommand query)
    {
        using var reader = query.ExecuteReader();
        while (reader.Read())
        {
            yield return new User(
                reader.GetString(0),
                ClaimJson.Parse<UserRole>(reader.GetString(1)) ?? UserRole.Reviewer,
                Instant(reader.GetString(2)),
                Text(reader, 3) is { } revoked ? Instant(revoked) : null);
        }
    }

    private static string NewToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

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

    /// <summary>Claims as extracted (as <see cref="Claims"/> chooses them), each with the review in force for it (or none).</summary>
    public IReadOnlyList<ClaimRecord> ClaimsWithReviews(string? docId = null, Category? category = null, int? version = null)
    {
        var reviews = ReviewsInForce();
        var versions = VersionsByHash();
        return [.. StoredClaims(docId, category, version).Select(c =>
        {
            var review = reviews.GetValueOrDefault((c.Hash, c.Claim.Span.Start, c.Claim.Span.End));
            return new ClaimRecord(c.Claim, review, versions[c.Hash].Provenance(c.ExtractorVersion, review?.Action));
        })];
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
