using System.Security.Cryptography;
using System.Text;

namespace Marsad.Model;

/// <summary>The content address of a text: lower-case hex SHA-256 of its UTF-8 bytes.</summary>
public static class ContentHash
{
    public static string Of(string text) =>
        Of(Encoding.UTF8.GetBytes(text).AsSpan());

    /// <summary>The same address of bytes as they came (a fetched feed, before any decoding).</summary>
    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
