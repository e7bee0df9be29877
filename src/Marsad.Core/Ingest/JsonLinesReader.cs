using System.Text.Json;
using Marsad.Model;

namespace Marsad.Ingest;

/// <summary>
/// Streams a <c>.jsonl</c> file one report a line (<c>{"id", "text", "published"?, "source"?,
/// "url"?, "lang"?, "title"?}</c>): a file of any size is read in constant memory, and a bad line
/// is reported with its number while the lines around it are read.
/// </summary>
public static class JsonLinesReader
{
    private const int BufferSize = 1 << 16;

    public static IEnumerable<ReadResult> Read(string path, DocumentMetadata defaults)
    {
        var (stream, openError) = Open(path);
        if (stream is null)
        {
            yield return new ReadError(path, null, "cannot read the file: " + openError);
            yield break;
        }

        using (stream)
        {
            foreach (var result in Read(stream, path, defaults))
            {
                yield return result;
            }
        }
    }

    /// <summary>Reports from a stream of JSON lines (an upload); <paramref name="path"/> names it in errors.</summary>
    public static IEnumerable<ReadResult> Read(Stream stream, string path, DocumentMetadata defaults)
    {
        var number = 0;
        var empty = true;
        foreach (var line in Lines(stream))
        {
            number++;
            if (line.Error is { } error)
            {
                yield return new ReadError(path, number, error);
                continue;
            }

            if (line.Bytes.AsSpan().Trim(" \t\r"u8).IsEmpty)
            {
                continue;
            }

            empty = false;
            yield return ReadObject(line.Bytes, path, number, defaults);
        }

        if (empty)
        {
            yield return new ReadError(path, null, "empty file");
        }
    }

    private static (FileStream? Stream, string? Error) Open(string path)
    {
        try
        {
            return (new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, e.Message);
        }
    }

    /// <summary>One report as a JSON object <c>{"id", "text", …}</c>; <paramref name="number"/> is its line in errors.</summary>
    public static ReadResult ReadObject(byte[] bytes, string path, int number, DocumentMetadata defaults)
    {
        if (!StrictText.TryDecode(bytes, out var line, out _, out var reason))
        {
            return new ReadError(path, number, reason!);
        }

        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (ReportReader.Metadata(root) is not { } metadata)
            {
                return new ReadError(path, number, "not a JSON object, or \"published\" is not YYYY-MM-DD");
            }

            var id = ReportReader.String(root, "id");
            var text = ReportReader.String(root, "text");
            if (string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(text))
            {
                return new ReadError(path, number, "a report needs a non-empty \"id\" and \"text\"");
            }

            return new ReadDocument(new SourceDocument(id, StrictText.Nfc(text), ReportReader.Merge(metadata, defaults)), path, number);
        }
        catch (JsonException e)
        {
            return new ReadError(path, number, "bad JSON: " + e.Message);
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json parses "\ud800" but will not make it a string.
            return new ReadError(path, number, "a string escapes half of a surrogate pair (such as \\ud800), which is no character");
        }
    }

    /// <summary>The file's lines as bytes; a line longer than the report limit is skipped with an error.</summary>
    private static IEnumerable<(byte[] Bytes, string? Error)> Lines(Stream stream)
    {
        var buffer = new byte[BufferSize];
        using var line = new MemoryStream();
        var tooLong = false;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            var start = 0;
            int newline;
            while ((newline = buffer.AsSpan(start, read - start).IndexOf((byte)'\n')) >= 0)
            {
                Append(line, buffer, start, newline, ref tooLong);
                yield return Take(line, ref tooLong);
                start += newline + 1;
            }

            Append(line, buffer, start, read - start, ref tooLong);
        }

        if (line.Length > 0 || tooLong)
        {
            yield return Take(line, ref tooLong);
        }
    }

    private static void Append(MemoryStream line, byte[] buffer, int start, int count, ref bool tooLong)
    {
        if (tooLong || line.Length + count > ReportReader.MaxReportBytes)
        {
            tooLong = true;
            line.SetLength(0);
            return;
        }

        line.Write(buffer, start, count);
    }

    private static (byte[] Bytes, string? Error) Take(MemoryStream line, ref bool tooLong)
    {
        var result = tooLong
            ? ([], $"line too long: over {ReportReader.MaxReportBytes:N0} bytes, the limit for one report")
            : (line.ToArray(), (string?)null);
        line.SetLength(0);
        tooLong = false;
        return result;
    }
}
