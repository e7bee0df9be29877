using Marsad.Analysis;
using Marsad.Languages;
using Marsad.Model;

namespace Marsad.Time;

/// <summary>
/// The day the figures of a report are stated for, token by token: the report's today, until a
/// reporting verb next to a day ("ونشر المرصد السوري مساء أمس الخميس", "مساء يوم الاثنين الرابع من
/// شهر آذار الجاري، وعلم المرصد") moves it to that day for the figures after it.
/// </summary>
internal sealed class ReportingFrames
{
    private const int FrameReach = 7;

    private readonly AnalyzedText text;
    private readonly Day? today;
    private readonly List<(int Token, Day Day)> frames = [];

    public ReportingFrames(AnalyzedText text, IReadOnlyList<DateMention> mentions, DayResolver days)
    {
        this.text = text;
        today = days.Today;
        foreach (var mention in mentions.Where(m => m.IsDay && !m.Since && !m.Until))
        {
            if (!HasReportVerb(mention.First - FrameReach, mention.First) && !HasReportVerb(mention.Last, mention.Last + 3))
            {
                continue;
            }

            if (days.Resolve(mention, []) is { } day)
            {
                frames.Add((mention.First, day));
            }
        }
    }

    /// <summary>The day a figure at <paramref name="token"/> is stated for.</summary>
    public Day? At(int token)
    {
        var day = today;
        foreach (var frame in frames)
        {
            if (frame.Token < token)
            {
                day = frame.Day;
            }
        }

        return day;
    }

    private bool HasReportVerb(int from, int to)
    {
        for (var at = Math.Max(0, from); at < Math.Min(to, text.Tokens.Count); at++)
        {
            if (text.StartingAt(at, LexiconKind.Marker)?.Entry.Marker == MarkerWord.Report)
            {
                return true;
            }
        }

        return false;
    }
}
