using System.Globalization;
using System.Text.Json;
using System.Xml;

namespace Marsad.Monitoring;

/// <summary>
/// Alerts as the hosts give them: JSON objects (<c>marsad alerts --format json</c>, <c>GET
/// /api/alerts</c>, webhooks) and an Atom feed (<c>GET /api/alerts.atom</c>), written once here.
/// </summary>
public static class AlertWriter
{
    public static void Json(Utf8JsonWriter json, Alert alert)
    {
        json.WriteStartObject();
        json.WriteNumber("id", alert.Id);
        json.WriteString("kind", alert.Kind);
        Optional(json, "series", alert.SeriesId);
        Optional(json, "series_label", alert.SeriesLabel);
        json.WriteString("document", alert.DocId);
        json.WriteString("explanation", alert.Explanation);
        json.WriteString("at", alert.At.ToString("O", CultureInfo.InvariantCulture));
        json.WriteStartArray("claims");
        foreach (var claim in alert.Claims)
        {
            json.WriteStartObject();
            json.WriteString("id", claim.Id);
            json.WriteString("figure", claim.Figure);
            json.WriteString("text", claim.Text);
            json.WriteString("quote", claim.Quote);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static void Json(Utf8JsonWriter json, IEnumerable<Alert> alerts)
    {
        json.WriteStartArray();
        foreach (var alert in alerts)
        {
            Json(json, alert);
        }

        json.WriteEndArray();
    }

    /// <summary>An Atom 1.0 feed of alerts, the latest first; <paramref name="self"/> is the feed's own address and the base of its ids.</summary>
    public static void Atom(Stream output, IReadOnlyList<Alert> alerts, Uri self, string title)
    {
        using var xml = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, Encoding = new System.Text.UTF8Encoding(false) });
        const string ns = "http://www.w3.org/2005/Atom";
        xml.WriteStartDocument();
        xml.WriteStartElement("feed", ns);
        xml.WriteElementString("id", ns, self.ToString());
        xml.WriteElementString("title", ns, title);
        xml.WriteElementString("updated", ns, (alerts.Count > 0 ? alerts[0].At : DateTimeOffset.UnixEpoch).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        xml.WriteStartElement("link", ns);
        xml.WriteAttributeString("rel", "self");
        xml.WriteAttributeString("href", self.ToString());
        xml.WriteEndElement();
        xml.WriteStartElement("author", ns);
        xml.WriteElementString("name", ns, "Marsad");
        xml.WriteEndElement();
        foreach (var alert in alerts)
        {
            xml.WriteStartElement("entry", ns);
            xml.WriteElementString("id", ns, new Uri(self, "alerts/" + alert.Id.ToString(CultureInfo.InvariantCulture)).ToString());
            xml.WriteElementString("title", ns, $"{alert.Kind}: {alert.SeriesLabel ?? alert.DocId}");
            xml.WriteElementString("updated", ns, alert.At.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            xml.WriteStartElement("category", ns);
            xml.WriteAttributeString("term", alert.Kind);
            xml.WriteEndElement();
            xml.WriteStartElement("content", ns);
            xml.WriteAttributeString("type", "text");
            xml.WriteString(alert.Explanation + string.Concat(alert.Claims.Select(c => $"\n{c.Id}: {c.Quote}")));
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void Optional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
