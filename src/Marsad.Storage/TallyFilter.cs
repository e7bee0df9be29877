using Marsad.Model;
using Marsad.Tallies;

namespace Marsad.Storage;

/// <summary>
/// Which series a tally read shows — a category, an actor (its code, any case), a baseline — and as
/// of when (<see cref="KnownOn"/>: what the record said that day). The CLI and the API read their
/// arguments into one with <see cref="Parse"/> and ask <see cref="MarsadStore.Tally"/>.
/// </summary>
public sealed record TallyFilter(Category? Category = null, string? Actor = null, Day? Since = null, DateOnly? KnownOn = null)
{
    /// <summary>The filter of arguments as a host receives them; null when one is malformed (a category not in the codebook, a day not YYYY-MM-DD).</summary>
    public static TallyFilter? Parse(string? category, string? actor, string? since, string? asOf)
    {
        var (baseline, knownOn) = (Day.TryParse(since), Day.TryParse(asOf)?.Date);
        if ((category is not null && Codes.Parse<Category>(category) is null) || (asOf is not null && knownOn is null) || (since is not null && baseline?.Date is null))
        {
            return null;
        }

        return new TallyFilter(Codes.Parse<Category>(category), actor, baseline, knownOn);
    }
}

/// <summary>
/// A tally as a filter chose it, and what the filter names that no series has (an actor nobody
/// counts, a baseline no running total counts from) with the values there are; null when each is there.
/// </summary>
public sealed record TallyRead(Tally Tally, string? Unknown);
