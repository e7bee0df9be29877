using System.Globalization;
using Marsad.Model;
using Marsad.Rendering;

namespace Marsad.Cli.Output;

/// <summary>
/// A human-readable table: one line a claim, the figure and its reading first, the words it was
/// read from last (Arabic text is left to the terminal's own bidirectional rendering).
/// </summary>
internal static class ClaimTable
{
    public static void Write(TextWriter output, IEnumerable<Claim> claims)
    {
        output.WriteLine($"{"id",-28} {"figure",-16} {"category",-12} {"who",-34} {"time",-24} text");
        foreach (var claim in claims)
        {
            output.WriteLine(
                $"{claim.Id,-28} {Figure(claim),-16} {Codes.Of(claim.Category),-12} {Who(claim),-34} {When(claim),-24} {claim.Text}");
            foreach (var warning in claim.Warnings)
            {
                output.WriteLine($"{"",-28} ⚠ {warning}: {Explain(warning)}");
            }
        }
    }

    /// <summary>What a warning code means, for a reader who has not read the codebook (the English rendering data).</summary>
    public static string Explain(string warning) =>
        RenderingGrammar.For("en") is var english && english.Text("warning", warning) is { } explanation ? explanation : english.Text("warning", "other") ?? warning;

    public static string Figure(Claim claim)
    {
        var figure = claim.Value?.ToString("N0", CultureInfo.InvariantCulture)
            ?? (claim.Magnitude is { } m ? Codes.Of(m) : "?");
        return claim.Qualifier switch
        {
            Qualifier.Approx => "~" + figure,
            Qualifier.AtLeast => "≥" + figure,
            Qualifier.MoreThan => ">" + figure,
            Qualifier.LessThan => "<" + figure,
            Qualifier.AtMost => "≤" + figure,
            _ => figure,
        };
    }

    public static string Who(Claim claim)
    {
        var g = claim.Group;
        var parts = new List<string>();
        if (g.Actor is not null)
        {
            parts.Add(g.Actor);
        }

        if (g.Role is { } role)
        {
            parts.Add(Codes.Of(role));
        }

        if (g.Age is { } age)
        {
            parts.Add(Codes.Of(age));
        }

        if (g.Sex is { } sex)
        {
            parts.Add(Codes.Of(sex));
        }

        if (g.Nationality is not null)
        {
            parts.Add(g.Nationality);
        }

        if (claim.Unit != Units.Person)
        {
            parts.Add(claim.Unit);
        }

        if (claim.Parent is not null)
        {
            parts.Add("⊂ #" + claim.Parent[(claim.Parent.LastIndexOf('#') + 1)..]);
        }

        return string.Join(' ', parts);
    }

    private static string When(Claim claim)
    {
        var t = claim.Time;
        var kind = t.Kind is { } k ? Codes.Of(k) : "";
        var since = t.Since is null ? "" : $" since {t.Since}";
        var asOf = t.AsOf is null ? "" : $" @{t.AsOf}";
        return (kind + since + asOf).Trim();
    }
}
