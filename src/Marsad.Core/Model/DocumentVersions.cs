namespace Marsad.Model;

/// <summary>
/// A document is its id and a version: the same id with another text is the next version, kept
/// beside the earlier ones. The first version's claims keep the ids the extractor gives
/// (<c>DOC#n</c>); version <c>K</c> ≥ 2 numbers them <c>DOC@vK#n</c>, so a claim id names one claim of
/// one text in a store, and the same texts ingested in the same order get the same ids.
/// </summary>
public static class DocumentVersions
{
    public static string ClaimPrefix(string doc, int version) => version == 1 ? doc : $"{doc}@v{version}";

    /// <summary>The extractor's claims of a document, with the ids (and parent ids) of this version.</summary>
    public static IReadOnlyList<Claim> Number(IReadOnlyList<Claim> claims, int version)
    {
        if (version == 1)
        {
            return claims;
        }

        return [.. claims.Select(c => c with { Id = Renamed(c.Id, c.Doc, version)!, Parent = Renamed(c.Parent, c.Doc, version) })];
    }

    private static string? Renamed(string? id, string doc, int version) =>
        id is not null && id.StartsWith(doc + "#", StringComparison.Ordinal) ? ClaimPrefix(doc, version) + id[doc.Length..] : id;
}
