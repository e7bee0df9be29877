using System.Collections.Concurrent;
using Marsad.Analysis;
using Marsad.Checks;
using Marsad.Claims;
using Marsad.Model;
using Marsad.Places;
using Marsad.Profiles;
using Marsad.Recognition;
using Marsad.Text;
using Marsad.Time;

namespace Marsad.Extraction;

/// <summary>What extraction found in one document: its claims, when the document was published, and its main language.</summary>
public sealed record ExtractionResult(IReadOnlyList<Claim> Claims, PublicationDate Publication, string Language = "ar");

/// <summary>
/// The extraction pipeline for one document:
/// Normalize → Tokenize and find phrases → Recognize quantities and dates → Parse claims →
/// Resolve time and place → Check breakdowns → Build records.
/// Stateless and deterministic: the same text and metadata give the same claims and ids.
/// With a <see cref="ProfileChoice"/>, each report is read with the profile of the country its
/// places name (read again when that is not the default profile); without one, always with
/// <paramref name="profile"/> (a user's <c>--profile</c>).
/// </summary>
/// <param name="languages">The language packs to read reports with; the shipped ones when not given.</param>
public sealed class ClaimExtractor(ConflictProfile profile, ProfileChoice? choice = null, LanguageCatalog? languages = null)
{
    private readonly LanguageCatalog catalog = languages ?? LanguageCatalog.Shipped;

    private readonly ConcurrentDictionary<string, LanguagePack> packs = new(StringComparer.Ordinal);

    /// <summary>Stored with every claim, so a store knows which claims a re-extraction would change.</summary>
    public const string Version = "0.1.0";

    private const int LongestQuote = 400;

    /// <summary>The conflict profile this extractor reads actors and places with.</summary>
    public ConflictProfile Profile => profile;

    /// <summary>The profile that names every actor this extractor may give, for reading claims back.</summary>
    public ConflictProfile ReadBackProfile => choice?.Everyone ?? profile;

    /// <summary>The extractor with the shipped profiles, chosen per report (Syria's by default).</summary>
    public static ClaimExtractor Default { get; } = new(ConflictProfile.Syria, ProfileChoice.Shipped);

    /// <summary>The pack for these languages, the main one first (and this extractor's profile), loaded once.</summary>
    public LanguagePack PackFor(IReadOnlyList<string> languages) => PackFor(languages, profile);

    public ExtractionResult Extract(SourceDocument document)
    {
        var detected = catalog.Detector.Detect(document.Text);
        IReadOnlyList<string> languages = detected.All[0] == detected.Main ? detected.All : [detected.Main, .. detected.All.Where(code => code != detected.Main)];
        var text = Analyze(document.Text, PackFor(languages));
        var places = new PlaceResolver(text);
        if (choice?.For(places.Country, places.Names("SY")) is { } chosen && !ReferenceEquals(chosen, profile))
        {
            // The same languages fold a text the same way whatever the profile: only the phrases differ.
            text = new AnalyzedText(text.Normalized, PackFor(languages, chosen));
            places = new PlaceResolver(text);
        }

        var quantities = QuantityRecognizer.Recognize(text);
        var drafts = ClaimParser.Parse(text, quantities);
        var mentions = DateRecognizer.Recognize(text);
        var publication = document.Metadata.Published is { } given
            ? PublicationDate.Given(given)
            : PublicationDateInference.Infer(text, mentions);
        var times = new ClaimTimeResolver(text, mentions, publication).Resolve(drafts);
        var breakdowns = BreakdownCheck.Check(drafts);
        var headline = HeadlineLine(text);

        var ids = new Dictionary<Draft, string>(drafts.Count);
        var claims = new List<Claim>(drafts.Count);
        foreach (var draft in drafts)
        {
            var id = $"{document.Id}#{claims.Count + 1}";
            ids[draft] = id;
            var time = breakdowns.TryGetValue(draft, out var found) ? times[draft] with { Warnings = [.. times[draft].Warnings, .. found] } : times[draft];
            claims.Add(Build(document, text, draft, id, headline, time, ids) with { Place = places.Resolve(draft) });
        }

        return new ExtractionResult(claims, publication, detected.Main);
    }

    private LanguagePack PackFor(IReadOnlyList<string> languages, ConflictProfile chosen) =>
        packs.GetOrAdd($"{chosen.Profile}:{string.Join('+', languages)}", _ => catalog.Load(languages, chosen));

    private static AnalyzedText Analyze(string original, LanguagePack language) =>
        new(language.Normalizer.Normalize(original), language);

    private static Claim Build(
        SourceDocument document, AnalyzedText text, Draft draft, string id, int headline, ResolvedTime time,
        Dictionary<Draft, string> ids)
    {
        var quantity = draft.Quantity;
        var span = text.Normalized.OriginalSpan(text.Tokens[quantity.First].Start, text.Tokens[quantity.Last - 1].End);
        var (low, high) = ClaimBounds.Of(draft.Qualifier, quantity.Value, quantity.Magnitude, draft.High);
        var isOther = draft.OtherUnit is not null;
        return new Claim
        {
            Doc = document.Id,
            Id = id,
            Span = span,
            Text = document.Text[span.Start..span.End],
            Quote = Quote(document.Text, text, draft.Sentence, span),
            Headline = text.LineOf(quantity.First) == headline,
            Value = quantity.Value,
            Low = low,
            High = high,
            Qualifier = draft.Qualifier,
            Magnitude = quantity.Magnitude,
            Unit = isOther ? draft.OtherUnit! : draft.Unit,
            Category = isOther ? Category.Other : draft.Category ?? Category.Present,
            Also = !isOther && draft.Also is { } also ? [also] : [],
            Group = isOther ? Group.Unknown : draft.Group,
            Perpetrator = draft.Perpetrator,
            Cause = isOther ? null : draft.Cause,
            Time = time.Time,
            Warnings = time.Warnings,
            Parent = draft.Parent is { } parent && ids.TryGetValue(parent, out var parentId) ? parentId : null,
        };
    }

    /// <summary>
    /// The sentence that states the claim, as ingested; a long sentence is cut to a window around
    /// the figure so the quote always shows it.
    /// </summary>
    private static string Quote(string original, AnalyzedText text, (int Start, int End) sentence, TextSpan claim)
    {
        var span = text.Normalized.OriginalSpan(text.Tokens[sentence.Start].Start, text.Tokens[sentence.End - 1].End);
        var start = span.Start;
        var end = span.End;
        if (end - start > LongestQuote)
        {
            start = Math.Max(start, claim.Start - (LongestQuote / 2));
            end = Math.Min(end, start + LongestQuote);
        }

        return original[start..end].Trim();
    }

    /// <summary>The first line with a token on it is the headline (CODEBOOK §8).</summary>
    private static int HeadlineLine(AnalyzedText text)
    {
        foreach (var token in text.Tokens)
        {
            if (token.Kind != TokenKind.LineBreak)
            {
                return text.LineOf(text.Tokens.IndexOf(token));
            }
        }

        return -1;
    }
}
