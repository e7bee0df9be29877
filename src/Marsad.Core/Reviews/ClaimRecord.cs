using Marsad.Model;

namespace Marsad.Reviews;

/// <summary>A stored claim as extracted, what its reviews add up to (or none), and where it comes from.</summary>
public sealed record ClaimRecord(Claim Claim, ReviewState? Review, Provenance Provenance)
{
    /// <summary>The claim as the record holds it: with its corrections applied; null when it was rejected last.</summary>
    public Claim? Reviewed => Review is { } review ? review.Apply(Claim) : Claim;
}
