using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Marsad.Model;
using Marsad.Reviews;
using Marsad.Serialization;

namespace Marsad.Exports;

/// <summary>
/// Claims as the record holds them (docs/exports.md): each with the correction in force applied, and
/// its provenance — source, URL, publication day, document version and hash, extractor version,
/// review status (a rejected claim is kept, marked <c>reject</c>). JSON lines are the CODEBOOK §2
/// object with <c>provenance</c> and <c>schema_version</c> added; CSV adds the same as columns.
/// </summary>
public static class ClaimExport
{
    /// <summary>The version of the claim export's fields beyond CODEBOOK §2; it changes when one changes meaning or goes away.</summary>
    public const string SchemaVersion = "1";

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private static readonly string[] ProvenanceColumns =
        ["source", "url", "published", "document_version", "document_hash", "extractor_version", "review_status", "schema_version"];

    public static void WriteLines(Stream output, IEnumerable<ClaimRecord> claims)
    {
        using var json = new Utf8JsonWriter(output, Options);
        foreach (var record in claims)
        {
            ClaimJson.Write(json, Held(record), more =>
            {
                more.WritePropertyName("provenance");
                WriteProvenance(more, record.Provenance);
                more.WriteString("schema_version", SchemaVersion);
            });
            json.Flush();
            output.WriteByte((byte)'\n');
            json.Reset();
        }
    }

    public static void WriteCsv(TextWriter writer, IEnumerable<ClaimRecord> claims)
    {
        Csv.WriteRow(writer, [.. ClaimCsv.Header, .. ProvenanceColumns]);
        foreach (var record in claims)
        {
            var provenance = record.Provenance;
            Csv.WriteRow(writer,
            [
                .. ClaimCsv.Row(Held(record)), provenance.Source, provenance.Url, Day(provenance.Published),
                provenance.DocumentVersion.ToString(CultureInfo.InvariantCulture), provenance.DocumentHash, provenance.ExtractorVersion,
                provenance.ReviewStatus, SchemaVersion,
            ]);
        }
    }

    /// <summary><c>{source, url, published, document_version, document_hash, extractor_version, review_status}</c>.</summary>
    public static void WriteProvenance(Utf8JsonWriter json, Provenance provenance)
    {
        json.WriteStartObject();
        json.WriteString("source", provenance.Source);
        json.WriteString("url", provenance.Url);
        json.WriteString("published", Day(provenance.Published));
        json.WriteNumber("document_version", provenance.DocumentVersion);
        json.WriteString("document_hash", provenance.DocumentHash);
        json.WriteString("extractor_version", provenance.ExtractorVersion);
        json.WriteString("review_status", provenance.ReviewStatus);
        json.WriteEndObject();
    }

    /// <summary>The claim with its correction applied; a rejected one as extracted (its status says it is out of the record).</summary>
    private static Claim Held(ClaimRecord record) => record.Reviewed ?? record.Claim;

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
