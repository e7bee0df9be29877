using Marsad.Languages;

namespace Marsad.Time;

/// <summary>
/// A time expression as written, tokens <c>[First, Last)</c>, before it is resolved against a
/// reference day: "اليوم الخميس الـ 24 من كانون الثاني / يناير الجاري من العام 2019" has a
/// relative day (0), a weekday (Thursday), a day, a month, a relative word and a year.
/// </summary>
public sealed record DateMention(int First, int Last)
{
    public int? Day { get; init; }

    /// <summary>The first day of a pair ("في الـ 23 والـ 24 من كانون الثاني"): a span's start.</summary>
    public int? FirstDay { get; init; }

    public int? Month { get; init; }

    public int? Year { get; init; }

    /// <summary>ISO day of the week, Monday = 1.</summary>
    public int? Weekday { get; init; }

    /// <summary>Days from the report's today: اليوم 0, أمس -1, أمس الأول -2.</summary>
    public int? RelativeDay { get; init; }

    /// <summary>The earlier relative day of a pair ("يومي أمس وأول أمس").</summary>
    public int? FirstRelativeDay { get; init; }

    public RelativeWord? Relative { get; init; }

    /// <summary>"مطلع", "منتصف", "نهاية": the first day, the 15th or the last day of the month (or the year's first day).</summary>
    public Edge? Edge { get; init; }

    /// <summary>"العام", "عام": the mention speaks of a year ("منذ بداية العام").</summary>
    public bool YearWord { get; init; }

    /// <summary>"منذ بداية العام", "since the beginning of 2022": the first day of a year.</summary>
    public bool StartOfYear => Month is null && Edge == Languages.Edge.Start && (Year is not null || YearWord);

    /// <summary>A month without a day and without منذ/حتى ("في أيلول", "in September"): that month as a period.</summary>
    public bool WholeMonth => Month is not null && Day is null && Edge is null && !Since && !Until && !RelativeMonth;

    /// <summary>"من الشهر الجاري": the month is the one the relative word names.</summary>
    public bool RelativeMonth { get; init; }

    /// <summary>Introduced by "بين", "من", "between": the first day of a span, whose last day may follow as a mention of its own.</summary>
    public bool From { get; init; }

    /// <summary>The first day of a span across months ("بين 2 تشرين الثاني 2023 و9 شباط 2024"): this mention is its last.</summary>
    public DateMention? Start { get; init; }

    /// <summary>Introduced by "قبل": a count of days before the report's today follows.</summary>
    public bool Ago { get; init; }

    /// <summary>Introduced by "منذ": a baseline or a span's start.</summary>
    public bool Since { get; init; }

    /// <summary>Introduced by "حتى": a span's end.</summary>
    public bool Until { get; init; }

    /// <summary>Introduced by "خلال": a stretch of time.</summary>
    public bool During { get; init; }

    /// <summary>"خلال الفترة ذاتها": the span of an earlier figure.</summary>
    public bool SamePeriod { get; init; }

    /// <summary>"حتى اللحظة", "الآن": the report's today.</summary>
    public bool Now { get; init; }

    /// <summary>"خلال الـ 24 ساعة الأخيرة": a stretch counted in hours.</summary>
    public int? Hours { get; init; }

    /// <summary>A stretch counted in months or years ("خلال 4 أشهر ونصف"): a running total.</summary>
    public bool LongStretch { get; init; }

    /// <summary>The mention names one day: a date, a relative day, or a weekday.</summary>
    public bool IsDay => (Day is not null && (Month is not null || RelativeMonth)) || RelativeDay is not null || (Weekday is not null && Month is null && !RelativeMonth);

    /// <summary>The mention names a day relative to the report's today or the day itself (اليوم، أمس، الآن).</summary>
    public bool IsRelative => RelativeDay is not null || Now;
}
