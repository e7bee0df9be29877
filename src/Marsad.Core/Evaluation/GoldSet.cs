using System.Text.Json;
using System.Text.Json.Nodes;

namespace Marsad.Evaluation;

/// <summary>One gold file (CODEBOOK §7): a document's hand-annotated claims and warnings.</summary>
public sealed record GoldDocument(string Doc, string? Published, IReadOnlyList<JsonObject> Claims, IReadOnlyList<string> Warnings);

/// <summary>
/// The gold files of a folder, in file-name order. Gold claims stay JSON: a field may hold a value,
/// null, or a list of accepted values, and the scorer reads them as the reference scorer does.
/// </summary>
public sealed class GoldSet(IReadOnlyList<GoldDocument> documents)
{
    public IReadOnlyList<GoldDocument> Documents { get; } = documents;

    /// <summary>Loads <c>*.json</c> from a folder; a file that is not a gold document is an error naming it.</summary>
    public static GoldSet Load(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new InvalidDataException($"{folder}: no such gold folder");
        }

        var documents = new List<GoldDocument>();
        foreach (var path in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                var root = JsonNode.Parse(File.ReadAllText(path))?.AsObject()
                    ?? throw new InvalidDataException("empty file");
                var doc = root["doc"]?.GetValue<string>() ?? throw new InvalidDataException("no \"doc\"");
                var claims = (root["claims"]?.AsArray() ?? []).Select(c => c!.AsObject()).ToList();
                var warnings = (root["warnings"]?.AsArray() ?? []).Select(w => w!.GetValue<string>()).ToList();
                documents.Add(new GoldDocument(doc, root["published"]?.GetValue<string>(), claims, warnings));
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or InvalidDataException or FormatException)
            {
                throw new InvalidDataException($"{path}: not a gold file: {e.Message}", e);
            }
        }

        return new GoldSet(documents);
    }
}
