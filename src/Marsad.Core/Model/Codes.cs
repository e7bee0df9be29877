namespace Marsad.Model;

// The code lists of CODEBOOK §2–§4. Serialized in snake_case ("AtLeast" → "at_least").

/// <summary>How a figure is hedged in the text.</summary>
public enum Qualifier { Exact, Approx, AtLeast, MoreThan, LessThan, AtMost, Vague }

/// <summary>The order of a vague quantity ("عشرات", "hundreds").</summary>
public enum Magnitude { Several, Tens, Hundreds, Thousands, TensOfThousands }

/// <summary>What happened to the people counted (CODEBOOK §3).</summary>
public enum Category
{
    Killed, Injured, Captured, Detained, Surrendered, Executed, Exited,
    Displaced, Missing, Trapped, Escaped, Deployed, Present, Returned, Released, Other,
}

/// <summary>The kind of people counted (CODEBOOK §4).</summary>
public enum Role { Fighter, Leader, Soldier, Civilian, Family, Detainee, Person }

public enum AgeGroup { Child }

public enum Sex { Female, Male }

/// <summary>A running total since a baseline, or a count for a bounded stretch.</summary>
public enum TimeKind { Cumulative, Period }

/// <summary>How a claim came about (CODEBOOK §2 <c>cause</c>).</summary>
public enum Cause { Airstrike, Shelling, Clashes, Explosion, Mine, Execution, Assassination, Torture, Drowning, Other }
