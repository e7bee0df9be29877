using System.Data.Common;
using System.IO.Compression;
using System.Text;

namespace Marsad.Storage;

/// <summary>
/// How a document's text is kept in <c>documents.text</c>: its UTF-8 compressed (zlib, fastest) in a
/// BLOB, a third of its size for Arabic reports, so the text — most of a store — costs least; a text
/// stored before <c>008_compact.sql</c> is TEXT and read as it is. SQL that reads the text calls
/// <c>document_text(text)</c> (<see cref="SqliteBackend"/>).
/// </summary>
internal static class TextColumn
{
    public static byte[] Pack(string text)
    {
        using var packed = new MemoryStream();
        using (var zlib = new ZLibStream(packed, CompressionLevel.Fastest, leaveOpen: true))
        {
            zlib.Write(Encoding.UTF8.GetBytes(text));
        }

        return packed.ToArray();
    }

    public static string Unpack(object stored)
    {
        if (stored is not byte[] packed)
        {
            return (string)stored;
        }

        using var zlib = new ZLibStream(new MemoryStream(packed), CompressionMode.Decompress);
        using var utf8 = new StreamReader(zlib, Encoding.UTF8, detectEncodingFromByteOrderMarks: false);
        return utf8.ReadToEnd();
    }

    public static string Read(DbDataReader reader, int ordinal) => Unpack(reader.GetValue(ordinal));
}

/// <summary>
/// The texts of stored documents as claim rows need them, read by number on one connection and
/// remembered a few at a time: claims are read a text's claims together, so each text is read about once.
/// </summary>
internal sealed class DocumentTexts : IDisposable
{
    private const int TextsRemembered = 64;

    private readonly Dictionary<long, string> remembered = [];

    private readonly DbCommand query;

    private readonly Func<DbTransaction?> transaction;

    /// <summary>Texts read with <paramref name="query"/>, a new command of the connection, in the transaction open at each read.</summary>
    public DocumentTexts(DbCommand query, Func<DbTransaction?> transaction)
    {
        this.query = query;
        this.transaction = transaction;
        query.CommandText = "SELECT text FROM documents WHERE seq = @seq";
        query.Bind("@seq", 0L);
    }

    public string Of(long seq)
    {
        if (remembered.TryGetValue(seq, out var text))
        {
            return text;
        }

        query.Transaction = transaction();
        query.Parameters[0].Value = seq;
        text = TextColumn.Unpack(query.ExecuteScalar()!);
        if (remembered.Count == TextsRemembered)
        {
            remembered.Clear();
        }

        remembered[seq] = text;
        return text;
    }

    /// <summary>
    /// After a write is undone: the numbers of the texts it stored may be given to other texts, so
    /// nothing remembered is trusted any more.
    /// </summary>
    public void Forget() => remembered.Clear();

    public void Dispose() => query.Dispose();
}
