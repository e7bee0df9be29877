using System.Globalization;
using System.Text.Json;
using Marsad.Model;

namespace Marsad.Ingest;

/// <summary>
/// Reads reports from files and folders (CODEBOOK §8): each <c>NAME.txt</c> or <c>NAME.html</c> is
/// one report with id <c>NAME</c> and an optional <c>NAME.meta.json</c> sidecar; each line of a
/// <c>.jsonl</c> file is one report. In a subfolder of the folder ingested the id is the path from
/// that folder (<c>2019/NAME</c>), so two reports of one name in two folders stay two documents;
/// a sidecar's <c>"id"</c> names its report outright. Folders are read recursively in ordinal order, so the same
/// folder always gives the same sequence. Nothing throws: a report that cannot be read becomes a
/// <see cref="ReadError"/> naming the file (and line) and the reading goes on.
/// </summary>
/// <remarks>
/// Metadata: what a report says about itself (its sidecar or JSONL fields) wins; the caller's
/// defaults (the CLI's <c>--source</c>, <c>--published</c>, <c>--lang</c>) fill what it leaves out.
/// </remarks>
public static class ReportReader
{
    /// <summary>
    /// The largest single report read: a text or HTML file, or one JSONL line. Extraction of one
    /// report grows with its size (bench/report-size.sh: 4 MB in about 5 s and 230 MB, 8 MB in 9 s
    /// and 400 MB), so the limit is the upload limit: one report never holds a server or an ingest
    /// for long. A longer text is split into its reports, or given as JSON lines.
    /// </summary>
    public const long MaxReportBytes = 4L * 1024 * 1024;

    private const string SidecarSuffix = ".meta.json";

    public static IEnumerable<ReadResult> Read(IEnumerable<string> paths, DocumentMetadata defaults)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var result in ReadFolder(path, defaults))
                {
                    yield return result;
                }
            }
            else if (File.Exists(path))
            {
                var kind = KindOf(path);
                if (kind is null)
                {
                    yield return new ReadError(path, null, "not a report file: expected .txt, .html, .htm or .jsonl");
                    continue;
                }

                foreach (var result in ReadFile(path, Path.GetFileNameWithoutExtension(path), kind.Value, defaults))
                {
                    yield return result;
                }
            }
            else
            {
                yield return new ReadError(path, null, DanglingLink(path) ?? "no such file or folder");
            }
        }
    }

    /// <summary>
    /// Reports sent rather than stored in files (an upload), read with the same checks and
    /// conversions as a file of their kind; <paramref name="id"/> names a text or HTML report
    /// (else its content hash does), a JSON report names itself; <paramref name="name"/> stands for
    /// the file in errors.
    /// </summary>
    public static IEnumerable<ReadResult> Read(byte[] bytes, ReportKind kind, string? id, DocumentMetadata defaults, string name = "upload")
    {
        return kind switch
        {
            ReportKind.JsonLines => JsonLinesReader.Read(new MemoryStream(bytes), name, defaults),
            _ when bytes.Length > MaxReportBytes => [new ReadError(name, null, $"report too large: {bytes.Length:N0} bytes, the limit for one report is {MaxReportBytes:N0}; split it or send JSON lines")],
            ReportKind.Json => [JsonLinesReader.ReadObject(bytes, name, 1, defaults)],
            _ => [FromBytes(bytes, name, kind, id, defaults)],
        };
    }

    private static IEnumerable<ReadResult> ReadFolder(string folder, DocumentMetadata defaults)
    {
        IEnumerable<string> files;
        try
        {
            files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [new ReadError(folder, null, "cannot list the folder: " + e.Message)];
        }

        return files.Where(f => KindOf(f) is not null).SelectMany(f => ReadFile(f, IdIn(folder, f), KindOf(f)!.Value, defaults));
    }

    /// <summary>A report's id in a folder: its path from the folder, <c>/</c>-separated, without the extension.</summary>
    private static string IdIn(string folder, string file)
    {
        var relative = Path.GetRelativePath(folder, file);
        var name = Path.Combine(Path.GetDirectoryName(relative) ?? "", Path.GetFileNameWithoutExtension(relative));
        return name.Replace(Path.DirectorySeparatorChar, '/');
    }

    private static ReportKind? KindOf(string path)
    {
        if (path.EndsWith(SidecarSuffix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return Path.GetExtension(path).ToUpperInvariant() switch
        {
            ".TXT" => ReportKind.Text,
            ".HTML" or ".HTM" => ReportKind.Html,
            ".JSONL" => ReportKind.JsonLines,
            _ => null,
        };
    }

    private static IEnumerable<ReadResult> ReadFile(string path, string id, ReportKind kind, DocumentMetadata defaults)
    {
        if (Unreadable(path) is { } reason)
        {
            return [new ReadError(path, null, reason)];
        }

        return Guarded(path, kind == ReportKind.JsonLines ? JsonLinesReader.Read(path, defaults) : Single(path, id, kind, defaults));

        // An iterator, so the file is read inside the guard.
        static IEnumerable<ReadResult> Single(string path, string id, ReportKind kind, DocumentMetadata defaults)
        {
            yield return ReadSingle(path, id, kind, defaults);
        }
    }

    /// <summary>
    /// Why a file is not opened: a symbolic link to nothing, or nothing to read. A FIFO, socket or
    /// device has no length either, and opening one would wait for a writer for ever.
    /// </summary>
    private static string? Unreadable(string path)
    {
        try
        {
            var file = new FileInfo(path);
            return DanglingLink(path) ?? (file.Length == 0 ? EmptyFile : null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "cannot read the file: " + e.Message;
        }
    }

    private const string EmptyFile = "empty file (or not a regular file: a FIFO, socket or device is not read)";

    private static string? DanglingLink(string path)
    {
        var file = new FileInfo(path);
        return file.LinkTarget is { } target && file.ResolveLinkTarget(returnFinalTarget: true) is not { Exists: true }
            ? $"a symbolic link to {target}, which does not exist"
            : null;
    }

    /// <summary>
    /// A file's reports, read so that a fault in reading it ends that file alone with an error
    /// naming it: the files after it are still read.
    /// </summary>
    private static IEnumerable<ReadResult> Guarded(string path, IEnumerable<ReadResult> results)
    {
        using var reading = results.GetEnumerator();
        var failed = false;
        while (!failed)
        {
            ReadResult next;
            try
            {
                if (!reading.MoveNext())
                {
                    yield break;
                }

                next = reading.Current;
            }
            catch (Exception e)
            {
                next = new ReadError(path, null, $"cannot be read: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}");
                failed = true;
            }

            yield return next;
        }
    }

    private static ReadResult ReadSingle(string path, string id, ReportKind kind, DocumentMetadata defaults)
    {
        byte[] bytes;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > MaxReportBytes)
            {
                return new ReadError(path, null, $"file too large: {length:N0} bytes, the limit for one report is {MaxReportBytes:N0}; split it or use .jsonl");
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ReadError(path, null, "cannot read the file: " + e.Message);
        }

        var sidecar = ReadSidecar(path);
        return sidecar.Error ?? FromBytes(bytes, path, kind, sidecar.Id ?? id, Merge(sidecar.Metadata, defaults));
    }

    /// <summary>One text or HTML report from its bytes: strict UTF-8, HTML to text, the first line its title if it has none.</summary>
    private static ReadResult FromBytes(byte[] bytes, string path, ReportKind kind, string? id, DocumentMetadata metadata)
    {
        if (!StrictText.TryDecode(bytes, out var text, out var line, out var reason))
        {
            return new ReadError(path, line, reason!);
        }

        string? title = null;
        if (kind == ReportKind.Html)
        {
            (text, title) = HtmlText.Convert(text);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return new ReadError(path, null, kind == ReportKind.Html ? "no text in the page" : "empty file");
        }

        return new ReadDocument(
            new SourceDocument(id ?? "upload-" + ContentHash.Of(text)[..12], text, metadata with { Title = metadata.Title ?? title ?? FirstLine(text) }),
            path);
    }

    private static (DocumentMetadata Metadata, string? Id, ReadError? Error) ReadSidecar(string reportPath)
    {
        var path = Path.Combine(Path.GetDirectoryName(reportPath) ?? ".", Path.GetFileNameWithoutExtension(reportPath) + SidecarSuffix);
        if (!File.Exists(path) && DanglingLink(path) is null)
        {
            return (DocumentMetadata.None, null, null);
        }

        if (Unreadable(path) is { } reason)
        {
            return (DocumentMetadata.None, null, new ReadError(path, null, "bad metadata sidecar: " + reason));
        }

        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(path));
            return Metadata(json.RootElement) is { } metadata
                ? (metadata, String(json.RootElement, "id") is { } id && !string.IsNullOrWhiteSpace(id) ? id : null, null)
                : (DocumentMetadata.None, null, new ReadError(path, null, "metadata is not a JSON object with a YYYY-MM-DD \"published\""));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or InvalidOperationException)
        {
            return (DocumentMetadata.None, null, new ReadError(path, null, "bad metadata sidecar: " + e.Message));
        }
    }

    /// <summary>The metadata fields of a sidecar or JSONL object; null when one of them is malformed.</summary>
    internal static DocumentMetadata? Metadata(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        DateOnly? published = null;
        if (String(json, "published") is { } date)
        {
            if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return null;
            }

            published = parsed;
        }

        return new DocumentMetadata(String(json, "title"), String(json, "source"), String(json, "url"), String(json, "lang"), published);
    }

    internal static DocumentMetadata Merge(DocumentMetadata own, DocumentMetadata defaults) => new(
        own.Title ?? defaults.Title,
        own.Source ?? defaults.Source,
        own.Url ?? defaults.Url,
        own.Lang ?? defaults.Lang,
        own.Published ?? defaults.Published);

    internal static string? String(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? FirstLine(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                return line.Trim();
            }
        }

        return null;
    }

}

/// <summary>What a report is written as: a text or HTML page, JSON lines (one report a line), or one JSON object.</summary>
public enum ReportKind { Text, Html, JsonLines, Json }
