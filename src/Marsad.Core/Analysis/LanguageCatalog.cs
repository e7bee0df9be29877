using Marsad.Languages;
using Marsad.Profiles;

namespace Marsad.Analysis;

/// <summary>
/// The language packs an extractor may read reports with: the ones shipped in this assembly
/// (<c>Languages/ar</c>, <c>Languages/en</c>), and any other pack folder added to them. Tells a
/// report's languages from the packs' own conventions and loads the pack for them.
/// </summary>
public sealed class LanguageCatalog
{
    private readonly IReadOnlyList<LanguageData> languages;

    private LanguageCatalog(IReadOnlyList<LanguageData> languages)
    {
        this.languages = languages;
        Detector = new LanguageDetector([.. languages.Select(l => (l.Code, l.Conventions))]);
    }

    /// <summary>The packs shipped with Marsad (<see cref="LanguageData.Shipped"/>).</summary>
    public static LanguageCatalog Shipped { get; } = new(LanguageData.Shipped);

    public LanguageDetector Detector { get; }

    /// <summary>The packs' data, in the order of their codes.</summary>
    public IReadOnlyList<LanguageData> Languages => languages;

    /// <summary>These packs and one more (a pack folder read with <see cref="LanguageData.FromFolder"/>), which replaces a pack of the same code.</summary>
    public LanguageCatalog With(LanguageData language) => new([.. languages.Where(l => l.Code != language.Code), language]);

    /// <summary>The pack for a report in these languages (the main one first: numbers are read with its decimal mark) and this profile.</summary>
    public LanguagePack Load(IReadOnlyList<string> codes, ConflictProfile profile) =>
        LanguagePack.Load([.. codes.Select(code => languages.FirstOrDefault(l => l.Code == code) ?? throw new ArgumentException($"No language pack for '{code}'.", nameof(codes)))], profile);
}
