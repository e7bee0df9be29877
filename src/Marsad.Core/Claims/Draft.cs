using Marsad.Model;
using Marsad.Recognition;

namespace Marsad.Claims;

/// <summary>
/// A claim while it is being read: mutable, because a part takes what its whole has settled and
/// the parser settles the whole first. The extractor turns drafts into immutable <see cref="Claim"/>s.
/// </summary>
public sealed class Draft(Quantity quantity)
{
    public Quantity Quantity { get; } = quantity;

    public (int Start, int End) Sentence { get; init; }

    public Qualifier Qualifier { get; set; }

    public long? High { get; set; }

    public string Unit { get; set; } = Units.Person;

    /// <summary>Set when the number counts things, not people ("5 كلم", "20 سيارة").</summary>
    public string? OtherUnit { get; set; }

    public Category? Category { get; set; }

    /// <summary>A second outcome the same figure counts ("76 قتيلا وجريحا").</summary>
    public Category? Also { get; set; }

    public Group Group { get; set; } = Group.Unknown;

    public string? Nationality { get; set; }

    public string? Perpetrator { get; set; }

    public Cause? Cause { get; set; }

    public TimeKind? Kind { get; set; }

    public Draft? Parent { get; set; }

    /// <summary>The first part of the list of parts this one was listed with ("141 طفلاً و86 مواطنة").</summary>
    public Draft? ListHead { get; set; }

    /// <summary>The list this part belongs to makes up its whole ("هم 8 … و35", "الـ 7 الآخرين").</summary>
    public bool CompleteList { get; set; }

    /// <summary>Something near the number says it counts people.</summary>
    public bool HasEvidence { get; set; }

    public bool IsClaim => OtherUnit is not null || HasEvidence;
}
