namespace Marsad.Web;

/// <summary>
/// Ids in a route: a document id may hold "/" (a report in a subfolder), and so may the ids of its
/// claims. A client that encodes one as %2F sends it in one segment, and the server keeps %2F as
/// it came (decoding it would change which route the path matches): it is decoded here.
/// </summary>
internal static class RouteIds
{
    public static string Decode(string id) => id.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
}
