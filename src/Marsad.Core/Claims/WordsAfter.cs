using Marsad.Languages;
using Marsad.Model;

namespace Marsad.Claims;

/// <summary>What the words after a number say about it, filled in as the readers go through them.</summary>
internal sealed class WordsAfter
{
    public LexiconEntry? Noun { get; set; }

    public LexiconMatch? Category { get; set; }

    /// <summary>A second outcome counted with the first ("قتيلا وجريحا").</summary>
    public Category? Also { get; set; }

    /// <summary>A counted noun that names a state ("نازح", "detainees"): the category unless a verb says otherwise.</summary>
    public LexiconMatch? StateNoun { get; set; }

    public LexiconEntry? Actor { get; set; }

    public string? Perpetrator { get; set; }

    public string? Nationality { get; set; }

    public string? OtherUnit { get; set; }

    /// <summary>"منهم" right after the number: of the people just counted.</summary>
    public bool OfThem { get; set; }

    /// <summary>"20 منهم", "80 of whom": a part of the figure before, named after the number.</summary>
    public bool Partitive { get; set; }

    /// <summary>"آخرين": more of the same people.</summary>
    public bool Others { get; set; }

    /// <summary>
    /// "12 في إدلب", "five by a militia": the figure names only where or by whom, after a figure of
    /// its sentence; it counts the same kind of people as that one.
    /// </summary>
    public bool Elliptical { get; set; }

    /// <summary>A word of totals after the figure ("حصيلة"): it is a running total.</summary>
    public bool Total { get; set; }

    /// <summary>"ممن قتلوا من مقاتلي …": where the group is named again after the verb; -1 while it is not.</summary>
    public int ReopenedAt { get; set; } = -1;

    public bool GroupReopened => ReopenedAt >= 0;

    /// <summary>"4 آلاف صومالي": the nationality stands where the counted noun would.</summary>
    public bool NationalityHead { get; set; }

    public bool HasEvidence => Noun is not null || Category is not null || Actor is not null || OfThem || Others || NationalityHead || Elliptical;

    public string Unit => Noun?.Unit ?? Units.Person;

    public Group Group => new(
        Actor?.Actor,
        Noun?.Role,
        Noun?.Age,
        Noun?.Sex,
        null);
}
