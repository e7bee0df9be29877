using Marsad.Languages;
using Marsad.Profiles;

namespace Marsad.Analysis;

/// <summary>
/// <c>marsad lint-data PATH…</c>: the checks the engine makes when it loads language packs and
/// conflict profiles, for the people who write them. A path is a pack folder (<c>Languages/fr</c>),
/// one file of a pack, a profile (<c>.json</c>), or a folder holding packs and profiles.
/// </summary>
public static class DataLint
{
    /// <summary>Every problem in the data at a path, one line each: <c>file:line: what was expected</c>.</summary>
    public static IEnumerable<string> Check(string path)
    {
        if (Directory.Exists(path))
        {
            if (IsPack(path))
            {
                return LanguageData.FromFolder(path).Problems.Select(p => p.ToString());
            }

            return Directory.EnumerateDirectories(path).Order(StringComparer.Ordinal).SelectMany(Check)
                .Concat(Directory.EnumerateFiles(path, "*.json").Order(StringComparer.Ordinal).SelectMany(Check));
        }

        if (!File.Exists(path))
        {
            return [$"{path}: no such file or folder."];
        }

        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return ConflictProfile.Read(path) is ProfileRead.Failed failed ? [failed.Message] : [];
        }

        // One file of a pack is checked with the rest of its pack (its folding folds the phrases), and only its own problems told.
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var name = Path.GetFileName(path);
        return LanguageData.FromFolder(folder).Problems
            .Where(p => Path.GetFileName(p.Path) == name)
            .Select(p => p with { Path = path })
            .Select(p => p.ToString());
    }

    private static bool IsPack(string folder) => LanguageData.Files.Any(name => File.Exists(Path.Combine(folder, name + ".tsv")));
}
