namespace Marsad.Model;

/// <summary>
/// Where a stored claim comes from and how far the record trusts it: the report's source, URL and
/// publication day, which version of the report (and its content hash), the extractor that read
/// it, and the review in force (none: unreviewed).
/// </summary>
public sealed record Provenance(
    string? Source,
    string? Url,
    DateOnly? Published,
    int DocumentVersion,
    string DocumentHash,
    string ExtractorVersion,
    ReviewAction? Review)
{
    public const string Unreviewed = "unreviewed";

    /// <summary><c>unreviewed</c>, or the action of the review in force: <c>confirm</c>, <c>correct</c>, <c>reject</c>.</summary>
    public string ReviewStatus => Review is { } review ? Codes.Of(review) : Unreviewed;
}
