using Marsad.Languages;

namespace Marsad.Gazetteer;

/// <summary>A first-level division: its ISO 3166-2 code, its OCHA P-code where the crosswalk has one, and its English name.</summary>
public sealed record Admin1Division(string Iso, string? Pcode, string Name, string? GeoNamesAdmin1);

/// <summary>
/// The first-level divisions Marsad knows, by ISO 3166-2 code: Syria and Iraq from the OCHA
/// crosswalk (<c>crosswalk_adm1.csv</c>: P-code, ISO code, names, GeoNames admin1), the
/// neighbouring wars' countries from <c>regional_admin1.tsv</c> (no P-codes there).
/// </summary>
public static class Admin1Divisions
{
    private static readonly Lazy<Dictionary<string, Admin1Division>> ByIso = new(Read);

    /// <summary>The divisions of the OCHA crosswalk (Syria, Iraq).</summary>
    public static IEnumerable<Admin1Division> Crosswalk => ByIso.Value.Values.Where(d => d.Pcode is not null);

    public static Admin1Division? Of(string? iso) => iso is not null && ByIso.Value.TryGetValue(iso, out var division) ? division : null;

    private static Dictionary<string, Admin1Division> Read()
    {
        var divisions = new Dictionary<string, Admin1Division>(StringComparer.Ordinal);
        using (var reader = Tsv.OpenEmbedded("Gazetteer/Data/crosswalk_adm1.csv"))
        {
            reader.ReadLine();
            while (reader.ReadLine() is { } line)
            {
                // pcode, iso_3166_2, name_en, name_ar, geonames_admin1, …: no field holds a comma.
                var fields = line.Split(',');
                divisions[fields[1]] = new Admin1Division(fields[1], fields[0], fields[2], fields[4]);
            }
        }

        using (var reader = Tsv.OpenEmbedded("Gazetteer/Data/regional_admin1.tsv"))
        {
            foreach (var (_, fields) in Tsv.Rows(reader))
            {
                divisions.TryAdd(fields[0], new Admin1Division(fields[0], null, fields[3].Split('|')[0], null));
            }
        }

        return divisions;
    }
}
