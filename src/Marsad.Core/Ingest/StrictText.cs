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

            text = Nfc(new string(chars, 0, written));
            return true;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>
    /// The text in NFC, as spans require. A lone surrogate (only a JSON escape such as <c>\ud800</c>
    /// carries one) becomes U+FFFD, as a UTF-8 store would make it anyway; a noncharacter such as
    /// U+FFFE, which .NET refuses to normalize, stays as it is, and the text around it is normalized.
    /// </summary>
    public static string Nfc(string text)
    {
        if (FirstUnnormalizable(text, 0) < 0)
        {
            // Reports are almost always NFC already: checking is cheaper than composing them again.
            return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        }

        var builder = new StringBuilder(text.Length);
        var run = 0;
        int at;
        while ((at = FirstUnnormalizable(text, run)) >= 0)
        {
            builder.Append(text[run..at].Normalize(NormalizationForm.FormC));
            var status = Rune.DecodeFromUtf16(text.AsSpan(at), out _, out var used);
            builder.Append(status == OperationStatus.Done ? text.AsSpan(at, used) : "\uFFFD".AsSpan());
            run = at + used;
        }

        return builder.Append(text[run..].Normalize(NormalizationForm.FormC)).ToString();
    }

    /// <summary>Where, from <paramref name="start"/>, the first lone surrogate or noncharacter is; -1 when there is none.</summary>
    private static int FirstUnnormalizable(string text, int start)
    {
        // Without surrogates every noncharacter is in the BMP; most texts have none of these, which vectorized searches tell at once.
        var rest = text.AsSpan(start);
        if (rest.IndexOfAnyInRange('\uD800', '\uDFFF') < 0 && rest.IndexOfAnyInRange('\uFDD0', '\uFDEF') < 0 && rest.IndexOfAny('\uFFFE', '\uFFFF') < 0)
        {
            return -1;
        }

        for (var i = start; i < text.Length;)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var used) != OperationStatus.Done || IsNoncharacter(rune))
            {
                return i;
            }

            i += used;
        }

        return -1;
    }

    /// <summary>U+FDD0–U+FDEF and the last two code points of every plane (U+FFFE, U+FFFF, U+1FFFE …).</summary>
    private static bool IsNoncharacter(Rune rune) => rune.Value is >= 0xFDD0 and <= 0xFDEF || (rune.Value & 0xFFFE) == 0xFFFE;

    private static int LineOf(ReadOnlySpan<byte> bytes, int offset) => bytes[..offset].Count((byte)'\n') + 1;
}
