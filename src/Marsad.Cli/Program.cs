using Marsad.Extraction;
using Marsad.Model;
using Marsad.Serialization;
var stdout = Console.OpenStandardOutput();
foreach (var dir in args)
{
    foreach (var f in Directory.GetFiles(dir, "*.txt").Order(StringComparer.Ordinal))
    {
        var id = Path.GetFileNameWithoutExtension(f);
        var meta = Path.ChangeExtension(f, ".meta.json");
        DateOnly? pub = null;
        if (File.Exists(meta)) { var j = System.Text.Json.JsonDocument.Parse(File.ReadAllText(meta)); if (j.RootElement.TryGetProperty("published", out var p) && p.ValueKind == System.Text.Json.JsonValueKind.String) pub = DateOnly.Parse(p.GetString()!, System.Globalization.CultureInfo.InvariantCulture); }
        var doc = new SourceDocument(id, File.ReadAllText(f).Normalize(), new DocumentMetadata(Published: pub));
        ClaimJson.WriteLines(stdout, ClaimExtractor.Arabic.Extract(doc));
    }
}
