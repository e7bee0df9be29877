using System.Security.Cryptography;
using System.Text;

namespace Marsad.Model;

/// <summary>The content address of a text: lower-case hex SHA-256 of its UTF-8 bytes.</summary>
public static class ContentHash
{
    public static string Of(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
