using Marsad.Claims;
using Marsad.Model;

namespace Marsad.Checks;

/// <summary>
/// The checks a breakdown proves (CODEBOOK §6), on the whole: <c>parts_exceed_whole</c> when the
/// parts of one list ("141 طفلاً و86 مواطنة") add up to more than an exact whole — lists are not
/// added to each other, since children, women and Syrians overlap — and <c>sum_mismatch</c> when a
/// list that makes up its whole ("43 … هم 8 … و35") does not add up to it.
/// </summary>
public static class BreakdownCheck
{
    public static Dictionary<Draft, List<string>> Check(IReadOnlyList<Draft> drafts)
    {
        var warnings = new Dictionary<Draft, List<string>>();
        var lists = drafts.Where(d => d.Parent is not null && d.ListHead is not null && d.Unit == d.Parent.Unit)
            .GroupBy(d => (d.Parent!, d.ListHead!));
        foreach (var list in lists)
        {
            var whole = list.Key.Item1;
            if (whole.Qualifier != Qualifier.Exact || whole.Quantity.Value is not { } total
                || list.Any(part => part.Quantity.Value is null || part.Qualifier is not (Qualifier.Exact or Qualifier.AtLeast or Qualifier.MoreThan)))
            {
                continue;
            }

            var sum = list.Sum(part => part.Quantity.Value!.Value);
            var code = sum > total ? WarningCodes.PartsExceedWhole
                : list.First().CompleteList && list.All(p => p.Qualifier == Qualifier.Exact) && sum != total ? WarningCodes.SumMismatch
                : null;
            if (code is not null)
            {
                (warnings.TryGetValue(whole, out var found) ? found : warnings[whole] = []).Add(code);
            }
        }

        return warnings;
    }
}
