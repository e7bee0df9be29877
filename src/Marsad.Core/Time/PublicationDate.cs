namespace Marsad.Time;

/// <summary>
/// When a report was published and how that is known: given by the user or the report's metadata,
/// inferred from the text (and from which words), or unknown — never today's clock.
/// </summary>
public sealed record PublicationDate(DateOnly? Date, string How, DayOfWeek? Weekday = null)
{
    public static PublicationDate Given(DateOnly date) => new(date, "given");

    public bool IsInferred => Date is not null && How != "given";
}
