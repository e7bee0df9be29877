using System.Reflection;

namespace Marsad.Languages;

/// <summary>
/// Reads the project's data files: tab-separated lines, <c>#</c> starts a comment line, and the
/// header comment says where the data came from.
/// </summary>
internal static class Tsv
{
    public static IEnumerable<(int Line, string[] Fields)> Rows(TextReader reader)
    {
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            yield return (number, line.Split('\t'));
        }
    }

    /// <summary>Opens a data file embedded in this assembly, by its path below the project folder.</summary>
    public static TextReader OpenEmbedded(string path)
    {
        var name = "Marsad." + path;
        var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The data file {path} is not embedded in Marsad.Core.");
        return new StreamReader(stream);
    }

    /// <summary>The names of the embedded folders under <paramref name="parent"/> that hold a file of this name, in ordinal order.</summary>
    public static IEnumerable<string> EmbeddedFolders(string parent, string file)
    {
        var (prefix, suffix) = ($"Marsad.{parent}/", "/" + file);
        return Assembly.GetExecutingAssembly().GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(suffix, StringComparison.Ordinal))
            .Select(name => name[prefix.Length..^suffix.Length])
            .Order(StringComparer.Ordinal);
    }

    /// <summary>Parses "key=value; key=value".</summary>
    public static Dictionary<string, string> Features(string text)
    {
        var features = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                features[pair[..equals].Trim()] = pair[(equals + 1)..].Trim();
            }
        }

        return features;
    }
}
