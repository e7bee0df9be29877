using Marsad.Model;

namespace Marsad.Reviews;

/// <summary>One entry of the audit log: who decided what about which claim, when and why.</summary>
public sealed record Review(
    long Id,
    string ClaimId,
    ReviewAction Action,
    ClaimCorrection? Correction,
    string Reason,
    string Reviewer,
    DateTimeOffset At);

/// <summary>
/// What the reviews of one claim add up to: the latest decision is in force (a claim rejected
/// last is out of the record), and every correction ever made is laid over the extracted claim in
/// the order they were made — a category fixed and then a value fixed keeps both.
/// </summary>
public sealed record ReviewState(Review Latest, ClaimCorrection? Corrections)
{
    /// <summary>The state after the reviews of one claim, oldest first; null when there is none.</summary>
    public static ReviewState? Of(IEnumerable<Review> reviews)
    {
        ReviewState? state = null;
        foreach (var review in reviews)
        {
            state = After(state, review);
        }

        return state;
    }

    /// <summary>The state once <paramref name="review"/> is added to <paramref name="state"/> (to none: the first review).</summary>
    public static ReviewState After(ReviewState? state, Review review)
    {
        var corrections = state?.Corrections;
        if (review.Correction is { } correction)
        {
            corrections = corrections is null ? correction : corrections.Then(correction);
        }

        return new ReviewState(review, corrections);
    }

    /// <summary>The claim as the reviews leave it; null when it was rejected last.</summary>
    public Claim? Apply(Claim claim) => Latest.Action == ReviewAction.Reject ? null : Corrections?.ApplyTo(claim) ?? claim;
}
