using System.Text.Json;
using Marsad.Model;

namespace Marsad.Serialization;

/// <summary>A <see cref="Day"/> in JSON: its written form (<c>YYYY-MM-DD</c>, <c>--MM-DD</c>), or null, without a string per day.</summary>
public static class DayJson
{
    /// <summary>Room for any year's written form.</summary>
    private const int Room = 24;

    public static void Write(Utf8JsonWriter json, string name, Day? day)
    {
        Span<char> text = stackalloc char[Room];
        if (day is { } d && d.TryFormat(text, out var written))
        {
            json.WriteString(name, text[..written]);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    /// <summary>The day as a value of an array.</summary>
    public static void WriteValue(Utf8JsonWriter json, Day? day)
    {
        Span<char> text = stackalloc char[Room];
        if (day is { } d && d.TryFormat(text, out var written))
        {
            json.WriteStringValue(text[..written]);
        }
        else
        {
            json.WriteNullValue();
        }
    }
}
