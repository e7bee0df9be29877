using System.Globalization;

namespace Marsad.Serialization;

/// <summary>RFC 4180 rows: fields quoted only when they must be, CRLF line ends.</summary>
internal static class Csv
{
    public static void WriteRow(TextWriter writer, IEnumerable<string?> fields)
    {
        writer.Write(string.Join(',', fields.Select(Field)));
        writer.Write("\r\n");
    }

    public static string? Number(long? value) => value?.ToString(CultureInfo.InvariantCulture);

    public static string? Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);

    public static string? Code<T>(T? value)
        where T : struct, Enum => value is { } v ? ClaimJson.Code(v) : null;

    private static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
