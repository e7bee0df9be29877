using Marsad.Model;
using Marsad.Tallies;

namespace Marsad.Reviews;

/// <summary>A claim waiting for review, with why it may be wrong and how likely: the higher the score, the sooner.</summary>
public sealed record QueuedClaim(Claim Claim, Review? Review, int Score, IReadOnlyList<string> Reasons);

/// <summary>
/// The order of the review queue: claims by how likely they are wrong, so a reviewer's first hour goes
/// where the machine is least sure. A reason is a warning code (CODEBOOK §6: the claim's own, or a
/// check across claims that names it) or one of <see cref="Reason"/>'s codes; each has a weight.
/// Unreviewed claims come before reviewed ones; ties keep the text order of their report.
/// </summary>
public static class ReviewOrder
{
    /// <summary>The reasons the extractor itself gives for doubt, beyond warnings.</summary>
    public static class Reason
    {
        /// <summary>The extractor could not tell what happened (category <c>other</c>).</summary>
        public const string UnknownEvent = "unknown_event";

        /// <summary>No figure, only a vague amount ("hundreds").</summary>
        public const string NoFigure = "no_figure";

        /// <summary>No day the figure holds for.</summary>
        public const string Undated = "undated";

        /// <summary>No place.</summary>
        public const string NoPlace = "no_place";

        /// <summary>An unusually large figure for one report: a misread digit or a cumulative read as new.</summary>
        public const string LargeFigure = "large_figure";

        /// <summary>A count of things, not people, that still names an event: often a misread noun.</summary>
        public const string NotPeople = "not_people";
    }

    private const int WarningWeight = 5;
    private const long Large = 10_000;

    private static readonly Dictionary<string, int> Weights = new(StringComparer.Ordinal)
    {
        [Reason.UnknownEvent] = 3,
        [Reason.NoFigure] = 2,
        [Reason.Undated] = 2,
        [Reason.NoPlace] = 1,
        [Reason.LargeFigure] = 1,
        [Reason.NotPeople] = 1,
    };

    public static IReadOnlyList<QueuedClaim> Order(IEnumerable<(Claim Claim, Review? Review)> claims, IEnumerable<TallyWarning> warnings)
    {
        var acrossClaims = warnings.SelectMany(w => w.ClaimIds.Select(id => (id, w.Code))).ToLookup(p => p.id, p => p.Code, StringComparer.Ordinal);
        return claims
            .Select((c, order) => (Item: Queue(c.Claim, c.Review, acrossClaims[c.Claim.Id]), Order: order))
            .OrderBy(q => q.Item.Review is null ? 0 : 1)
            .ThenByDescending(q => q.Item.Score)
            .ThenBy(q => q.Order)
            .Select(q => q.Item)
            .ToList();
    }

    private static QueuedClaim Queue(Claim claim, Review? review, IEnumerable<string> acrossClaims)
    {
        var warnings = claim.Warnings.Concat(acrossClaims).Distinct(StringComparer.Ordinal).ToList();
        var doubts = Doubts(claim).ToList();
        var score = (warnings.Count * WarningWeight) + doubts.Sum(d => Weights[d]);
        return new QueuedClaim(claim, review, score, [.. warnings, .. doubts]);
    }

    private static IEnumerable<string> Doubts(Claim claim)
    {
        if (claim.Category == Category.Other && claim.Unit == Units.Person)
        {
            yield return Reason.UnknownEvent;
        }

        if (claim.Value is null)
        {
            yield return Reason.NoFigure;
        }
        else if (claim.Value >= Large)
        {
            yield return Reason.LargeFigure;
        }

        if (claim.Time.AsOf is null)
        {
            yield return Reason.Undated;
        }

        if (claim.Place.Admin1 is null)
        {
            yield return Reason.NoPlace;
        }

        if (claim.Unit != Units.Person && claim.Category != Category.Other)
        {
            yield return Reason.NotPeople;
        }
    }
}
