using Marsad.Model;

namespace Marsad.Claims;

/// <summary>
/// What a part does not say it takes from its whole; "منهم", "آخرين" and a figure that names only
/// where or by whom ("and one in June") take the group and event of the figure before; a group
/// with an actor but no role is made of fighters; soldiers of a nationality serve the army the
/// profile gives it.
/// </summary>
internal sealed class Inheritance(IReadOnlyDictionary<string, string> armies)
{
    public void Apply(Draft draft, WordsAfter after, Draft? previous)
    {
        var source = draft.Parent ?? ((after.OfThem || after.Others || after.Elliptical) && previous is not null ? previous : null);
        var group = draft.Group;
        if (source is not null)
        {
            group = FromSource(draft, source);
        }

        if (group.Role == Role.Civilian)
        {
            group = group with { Actor = null };
        }

        var actorRole = after.Actor?.Role;
        group = group with
        {
            Role = group.Role is null or Role.Fighter && actorRole is not null
                ? actorRole
                : group.Role ?? (group.Actor is not null ? Role.Fighter : Role.Person),
            Nationality = group.Nationality ?? draft.Nationality,
        };

        // "20 جنديا سوريا": soldiers of a nationality serve the army the profile gives it.
        if (group is { Actor: null, Role: Role.Soldier, Nationality: { } nationality } && armies.TryGetValue(nationality, out var army))
        {
            group = group with { Actor = army };
        }

        draft.Group = group;
    }

    /// <summary>The draft's group with what it does not say taken from its whole (or the figure before), and the same for its event.</summary>
    private static Group FromSource(Draft draft, Draft source)
    {
        var (group, inherited) = (draft.Group, source.Group);
        draft.Category ??= source.Category;
        draft.Kind ??= source.Kind;
        draft.Cause ??= draft.Parent?.Cause;
        draft.Perpetrator ??= draft.Parent?.Perpetrator;
        return new Group(
            group.Actor ?? (group.Role == Role.Civilian ? null : inherited.Actor),
            group.Role ?? inherited.Role,
            group.Age ?? (draft.Parent is null ? null : inherited.Age),
            group.Sex ?? (draft.Parent is null ? null : inherited.Sex),
            draft.Nationality ?? (draft.Parent is null ? null : inherited.Nationality));
    }
}
