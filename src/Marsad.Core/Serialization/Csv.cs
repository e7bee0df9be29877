using System.Globalization;
using Marsad.Model;

namespace Marsad.Serialization;

/// <summary>
/// RFC 4180 rows: fields quoted only when they must be, CRLF line ends; a field a spreadsheet would
/// run as a formula (starting with = + - @, a tab or a carriage return: an actor corrected to
/// <c>=HYPERLINK(…)</c>) is written with a leading <c>'</c>, as OWASP advises against CSV injection.
/// </summary>
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
        where T : struct, Enum => value is { } v ? Codes.Of(v) : null;

    private static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
