using System.Globalization;

namespace Marsad.Storage;

/// <summary>Where a report failed on its way into the store.</summary>
public enum IngestStage { Read, Extract, Store }

/// <summary>
/// A report that could not be ingested: its file (or "upload"), the line of a JSON-lines report,
/// its id when it was read that far, the stage that failed and why.
/// </summary>
public sealed record IngestFailure(string Source, int? Line, string? DocId, IngestStage Stage, string Reason, DateTimeOffset At)
{
    /// <summary>One line for a person: where, and why (with the stage when the report was read but not extracted or stored).</summary>
    public string Message =>
        $"{Source}{(Line is { } line ? ":" + line.ToString(CultureInfo.InvariantCulture) : "")}: {(Stage == IngestStage.Read ? "" : StageName(Stage) + " failed: ")}{Reason}";

    public static string StageName(IngestStage stage) => stage.ToString().ToLowerInvariant();
}

/// <summary>The reports that failed to ingest and are still failing (<c>marsad failures</c>).</summary>
public sealed partial class MarsadStore
{
    /// <summary>Records a failure, replacing an earlier one of the same file and line.</summary>
    public void RecordFailure(IngestFailure failure)
    {
        using var upsert = Command(
            """
            INSERT INTO failures (source, line, doc_id, stage, reason, failed_at) VALUES (@source, @line, @doc, @stage, @reason, @at)
            ON CONFLICT (source, line) DO UPDATE SET doc_id = @doc, stage = @stage, reason = @reason, failed_at = @at
            """);
        upsert.Bind("@source", failure.Source);
        upsert.Bind("@line", failure.Line ?? 0);
        upsert.Bind("@doc", Db(failure.DocId));
        upsert.Bind("@stage", IngestFailure.StageName(failure.Stage));
        upsert.Bind("@reason", failure.Reason);
        upsert.Bind("@at", failure.At.ToString("O", CultureInfo.InvariantCulture));
        upsert.ExecuteNonQuery();
    }

    /// <summary>A report of this file and line, or of this document id, is stored now: its failures are over.</summary>
    public void ClearFailures(string source, int? line, string docId)
    {
        using var delete = Command("DELETE FROM failures WHERE (source = @source AND line = @line) OR doc_id = @doc");
        delete.Bind("@source", source);
        delete.Bind("@line", line ?? 0);
        delete.Bind("@doc", docId);
        delete.ExecuteNonQuery();
    }

    /// <summary>The reports still failing, by file and line.</summary>
    public IReadOnlyList<IngestFailure> Failures()
    {
        using var query = Command("SELECT source, line, doc_id, stage, reason, failed_at FROM failures ORDER BY source, line");
        using var reader = query.ExecuteReader();
        var failures = new List<IngestFailure>();
        while (reader.Read())
        {
            failures.Add(new IngestFailure(
                reader.GetString(0),
                reader.GetInt32(1) is > 0 and var line ? line : null,
                Text(reader, 2),
                Enum.Parse<IngestStage>(reader.GetString(3), ignoreCase: true),
                reader.GetString(4),
                DateTimeOffset.Parse(reader.GetString(5), CultureInfo.InvariantCulture)));
        }

        return failures;
    }
}
