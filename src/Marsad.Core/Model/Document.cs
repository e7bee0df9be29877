namespace Marsad.Model;

/// <summary>What is known about a report besides its text (CODEBOOK §8 sidecar fields).</summary>
public sealed record DocumentMetadata(
    string? Title = null,
    string? Source = null,
    string? Url = null,
    string? Lang = null,
    DateOnly? Published = null)
{
    public static DocumentMetadata None { get; } = new();
}

/// <summary>
/// A report as ingested: its id (the file name or JSONL <c>id</c>), its text exactly as read
/// (NFC), and its metadata. <see cref="Hash"/> is the content address of the text.
/// </summary>
public sealed record SourceDocument(string Id, string Text, DocumentMetadata Metadata)
{
    private string? hash;

    /// <summary>Computed on first use: extraction alone never needs it.</summary>
    public string Hash => hash ??= ContentHash.Of(Text);
}
