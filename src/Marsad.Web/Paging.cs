using System.Text.Json;

namespace Marsad.Web;

/// <summary>A page of a list: <c>page</c> from 1, <c>size</c> from 1 to 500 (50 by default).</summary>
internal readonly record struct Paging(int Page, int Size)
{
    private const int DefaultSize = 50;
    private const int LargestSize = 500;

    /// <summary>Rows before the page; a page past any store's end (page=2147483647) is past the end, not wrapped to the first.</summary>
    public int Offset => (int)Math.Min(int.MaxValue, ((long)Page - 1) * Size);

    public static Paging Of(int? page, int? size) => new(Math.Max(1, page ?? 1), Math.Clamp(size ?? DefaultSize, 1, LargestSize));

    /// <summary>The page's items of a list, and how many the list has, in one pass that holds only the page.</summary>
    public (List<T> Items, int Total) Of<T>(IEnumerable<T> all)
    {
        var items = new List<T>();
        var total = 0;
        foreach (var item in all)
        {
            if (total >= Offset && items.Count < Size)
            {
                items.Add(item);
            }

            total++;
        }

        return (items, total);
    }

    /// <summary><c>{items: [...], page, size, total}</c>.</summary>
    public void Write<T>(Utf8JsonWriter json, int total, IEnumerable<T> items, Action<Utf8JsonWriter, T> writeItem)
    {
        json.WriteStartObject();
        json.WriteStartArray("items");
        foreach (var item in items)
        {
            writeItem(json, item);
        }

        json.WriteEndArray();
        json.WriteNumber("page", Page);
        json.WriteNumber("size", Size);
        json.WriteNumber("total", total);
        json.WriteEndObject();
    }
}
