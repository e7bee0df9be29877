using System.Collections.Frozen;
using Marsad.Languages;

namespace Marsad.Profiles;

/// <summary>
/// Chooses the conflict profile a report is read with from the country it is about (the country
/// its places name most, see <see cref="Places.PlaceResolver"/>): the shipped profile of that
/// country (<c>Profiles/countries.tsv</c>), laid over Syria's when the report also names Syrian
/// places; Syria's for a report about Syria or about no country the profiles know.
/// </summary>
public sealed class ProfileChoice
{
    private const string DefaultCountry = "SY";

    private readonly FrozenDictionary<string, ConflictProfile> alone;
    private readonly FrozenDictionary<string, ConflictProfile> withSyria;

    private ProfileChoice(ConflictProfile basis, IReadOnlyDictionary<string, ConflictProfile> byCountry)
    {
        Default = basis;
        alone = byCountry.ToFrozenDictionary(StringComparer.Ordinal);
        withSyria = byCountry.ToFrozenDictionary(c => c.Key, c => Combined(c.Value, basis), StringComparer.Ordinal);
        var codes = basis.Actors.Select(a => a.Code).ToHashSet(StringComparer.Ordinal);
        Everyone = basis with
        {
            Profile = "shipped",
            Actors = [.. basis.Actors, .. byCountry.Values.SelectMany(p => p.Actors).Where(a => codes.Add(a.Code))],
        };
    }

    /// <summary>The profiles shipped with Marsad, one per country of the region's wars.</summary>
    public static ProfileChoice Shipped { get; } = Load();

    /// <summary>The profile for a report about no country the profiles know: Syria's.</summary>
    public ConflictProfile Default { get; }

    /// <summary>
    /// Syria's profile with the actors of every shipped profile (each code once, as first listed):
    /// the names to read back any actor a chosen profile gave ("RSF" is «قوات الدعم السريع»).
    /// </summary>
    public ConflictProfile Everyone { get; }

    /// <summary>
    /// The profile for a report about <paramref name="country"/>, which also names Syrian places
    /// when <paramref name="namesSyria"/> is true.
    /// </summary>
    public ConflictProfile For(string? country, bool namesSyria) =>
        country is null or DefaultCountry || !alone.TryGetValue(country, out var profile) ? Default
        : namesSyria ? withSyria[country]
        : profile;

    /// <summary>
    /// <paramref name="profile"/> laid over <paramref name="basis"/>, the basis's actors losing the
    /// names the profile gives to its own ("القوات الحكومية" are Yemen's government forces in a
    /// report about Yemen), so that one name never stands for two actors.
    /// </summary>
    private static ConflictProfile Combined(ConflictProfile profile, ConflictProfile basis)
    {
        var taken = profile.Actors.SelectMany(a => a.Names.Values).SelectMany(n => n).ToHashSet(StringComparer.Ordinal);
        var actors = basis.Actors.Select(a => a with
        {
            Names = a.Names.ToDictionary(n => n.Key, n => (IReadOnlyList<string>)[.. n.Value.Where(name => !taken.Contains(name))], StringComparer.Ordinal),
        });
        return profile.Over(basis with { Actors = [.. actors] });
    }

    private static ProfileChoice Load()
    {
        var basis = ConflictProfile.Syria;
        var files = new Dictionary<string, ConflictProfile>(StringComparer.Ordinal) { ["syria.json"] = basis };
        var byCountry = new Dictionary<string, ConflictProfile>(StringComparer.Ordinal);
        foreach (var (_, fields) in Tsv.Rows(Tsv.OpenEmbedded("Profiles/countries.tsv")).Skip(1))
        {
            var (country, file) = (fields[0], fields[1]);
            if (country == DefaultCountry)
            {
                continue;
            }

            if (!files.TryGetValue(file, out var profile))
            {
                profile = ReadShipped(file);
                files[file] = profile;
            }

            byCountry[country] = profile;
        }

        return new ProfileChoice(basis, byCountry);
    }

    private static ConflictProfile ReadShipped(string file) =>
        ConflictProfile.Parse(Tsv.OpenEmbedded($"Profiles/{file}").ReadToEnd(), $"Profiles/{file}") switch
        {
            ProfileRead.Loaded loaded => loaded.Profile.Profile,
            ProfileRead.Failed failed => throw new InvalidDataException(failed.Message),
            _ => throw new InvalidOperationException(),
        };
}
