using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Marsad.Ingest;

/// <summary>
/// Decodes bytes as strict UTF-8 into NFC text, or says why it cannot: a NUL byte (a binary
/// file), or the line of the first byte that is not UTF-8. A UTF-8 byte order mark is dropped.
/// </summary>
public static class StrictText
{
    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];

    public static bool TryDecode(ReadOnlySpan<byte> bytes, out string text, out int? badLine, out string? reason)
    {
        text = "";
        badLine = null;
        reason = null;
        if (bytes.StartsWith(ByteOrderMark))
        {
            bytes = bytes[ByteOrderMark.Length..];
        }

        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            badLine = LineOf(bytes, nul);
            reason = "binary file (it contains NUL bytes), not a text report";
            return false;
        }

        var chars = ArrayPool<char>.Shared.Rent(bytes.Length);
        try
        {
            var status = Utf8.ToUtf16(bytes, chars, out var read, out var written, replaceInvalidSequences: false);
            if (status != OperationStatus.Done)
            {
                badLine = LineOf(bytes, read);
                reason = $"invalid UTF-8 (byte 0x{bytes[read]:X2} at offset {read}); save the file as UTF-8";
                return false;
            }

            text = new string(chars, 0, written).Normalize(NormalizationForm.FormC);
            return true;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private static int LineOf(ReadOnlySpan<byte> bytes, int offset) => bytes[..offset].Count((byte)'\n') + 1;
}
