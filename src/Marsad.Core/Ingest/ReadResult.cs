using Marsad.Model;

namespace Marsad.Ingest;

/// <summary>What reading one report gave: the report, or why it could not be read.</summary>
public abstract record ReadResult(string Path);

/// <summary>A report read in full; <see cref="Line"/> is its line in a JSON-lines file.</summary>
public sealed record ReadDocument(SourceDocument Document, string Path, int? Line = null) : ReadResult(Path);

/// <summary>A report that could not be read; <see cref="Line"/> is 1-based where it is known.</summary>
public sealed record ReadError(string Path, int? Line, string Reason) : ReadResult(Path)
{
    public string Message => Line is { } line ? $"{Path}:{line}: {Reason}" : $"{Path}: {Reason}";
}
