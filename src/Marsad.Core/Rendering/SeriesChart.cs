using System.Globalization;
using System.Security;
using System.Text;
using Marsad.Model;
using Marsad.Tallies;

namespace Marsad.Rendering;

/// <summary>
/// Draws series over time as a self-contained SVG: a line a series through its dated points, each
/// point marked by its hedge (● exact, ○ about, ▲ at least / more than, ▼ at most / less than) and
/// labelled with its figure; undated points are listed under the chart, never placed on a day.
/// Its words — figures with their hedges, days, what the marks mean — come from the rendering data
/// of one language (the <c>chart</c> section of <c>rendering.tsv</c>); text in a right-to-left
/// language is drawn right to left, its title and legend set against the right edge, while time
/// still runs left to right. Text is left to the viewer's font shaping.
/// </summary>
public static class SeriesChart
{
    private const double Width = 960;
    private const double Height = 540;
    private const double Left = 90;
    private const double Right = 60;
    private const double Top = 70;
    private const double Bottom = 150;

    /// <summary>Room for a day's label on the time axis: a closer day's tick keeps no label of its own.</summary>
    private const double DayLabelWidth = 130;

    private static readonly string[] Colours = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"];

    /// <param name="names">What each series counts, in <paramref name="language"/>, for the legend.</param>
    public static string Svg(IReadOnlyList<Series> series, IReadOnlyList<string> names, string title, string language)
    {
        var grammar = RenderingGrammar.For(language);
        var dated = series.SelectMany(s => s.Points).Where(p => Date(p) is not null).ToList();
        var first = dated.Count == 0 ? DateOnly.FromDayNumber(0) : dated.Min(p => Date(p)!.Value);
        var last = dated.Count == 0 ? first : dated.Max(p => Date(p)!.Value);
        var top = NiceCeiling(dated.Count == 0 ? 1 : dated.Max(p => p.Value) * 1.08);
        var plot = new Plot(first, Math.Max(1, last.DayNumber - first.DayNumber), top, grammar.Text("chart", "direction") == "rtl", language);

        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"DejaVu Sans, Noto Sans, Arial, sans-serif\" font-size=\"12\">\n"));
        svg.Append(Invariant($"<rect width=\"{Width}\" height=\"{Height}\" fill=\"white\"/>\n"));
        svg.Append(Invariant($"<text x=\"{plot.Edge}\" y=\"28\" font-size=\"17\" font-weight=\"bold\"{plot.Reading}>{Escape(title)}</text>\n"));
        Axes(svg, plot, dated);
        var legendY = Height - Bottom + 46;
        for (var s = 0; s < series.Count; s++)
        {
            Line(svg, plot, series[s], s);
            Legend(svg, plot, grammar, series[s], names[s], Colours[s % Colours.Length], legendY);
            legendY += 18;
        }

        svg.Append(Invariant($"<text x=\"{plot.Edge}\" y=\"{legendY + 8}\" font-size=\"11\" fill=\"#666\"{plot.Reading}>{Escape(grammar.Text("chart", "marks") ?? "")}</text>\n"));
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    /// <summary>The value grid with its figures, a tick for every day a point holds for, and both axes.</summary>
    private static void Axes(StringBuilder svg, Plot plot, List<SeriesPoint> dated)
    {
        for (var i = 0; i <= 5; i++)
        {
            var value = (long)(plot.Ceiling * i / 5);
            var y = plot.Y(value);
            svg.Append(Invariant($"<line x1=\"{Left}\" y1=\"{y:0.#}\" x2=\"{Width - Right}\" y2=\"{y:0.#}\" stroke=\"#ddd\"/>\n"));
            svg.Append(Invariant($"<text x=\"{Left - 8}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" fill=\"#444\">{value:#,0}</text>\n"));
        }

        // A label for each day with room for it, so labels never overlap.
        var labelled = double.NegativeInfinity;
        foreach (var day in dated.Select(p => Date(p)!.Value).Distinct().Order())
        {
            var x = plot.X(day);
            svg.Append(Invariant($"<line x1=\"{x:0.#}\" y1=\"{Height - Bottom}\" x2=\"{x:0.#}\" y2=\"{Height - Bottom + 6}\" stroke=\"#444\"/>\n"));
            if (x - labelled >= DayLabelWidth)
            {
                var words = ClaimRenderer.Day(Day.Of(day), plot.Language);
                svg.Append(Invariant($"<text x=\"{x:0.#}\" y=\"{Height - Bottom + 20}\" text-anchor=\"middle\" fill=\"#444\"{plot.Reading}>{Escape(words)}</text>\n"));
                labelled = x;
            }
        }

        svg.Append(Invariant($"<line x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width - Right}\" y2=\"{Height - Bottom}\" stroke=\"#444\"/>\n"));
        svg.Append(Invariant($"<line x1=\"{Left}\" y1=\"{Top - 10}\" x2=\"{Left}\" y2=\"{Height - Bottom}\" stroke=\"#444\"/>\n"));
    }

    /// <summary>One series' dated points, joined by a line, each with its mark and figure.</summary>
    private static void Line(StringBuilder svg, Plot plot, Series series, int index)
    {
        var colour = Colours[index % Colours.Length];
        var points = series.Points.Where(p => Date(p) is not null).ToList();
        if (points.Count > 1)
        {
            svg.Append(Invariant($"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" points=\"{string.Join(' ', points.Select(p => Invariant($"{plot.X(Date(p)!.Value):0.#},{plot.Y(p.Value):0.#}")))}\"/>\n"));
        }

        foreach (var point in points)
        {
            var (x, y) = (plot.X(Date(point)!.Value), plot.Y(point.Value));
            svg.Append(Marker(point.Qualifier, x, y, colour));
            // Labels of every other series go under their points, so neighbouring lines stay readable.
            var labelY = index % 2 == 0 ? y - 10 : y + 20;
            var anchor = plot.Anchor(x > Width - Right - 60 ? "end" : x < Left + 60 ? "start" : "middle");
            var figure = ClaimRenderer.Figure(point.Value, point.Qualifier, plot.Language);
            svg.Append(Invariant($"<text x=\"{x:0.#}\" y=\"{labelY:0.#}\" text-anchor=\"{anchor}\" fill=\"{colour}\"{plot.Reading}>{Escape(figure)}</text>\n"));
        }
    }

    /// <summary>A series' swatch and name in the legend, with the figures that have no day to stand on.</summary>
    private static void Legend(StringBuilder svg, Plot plot, RenderingGrammar grammar, Series series, string name, string colour, double legendY)
    {
        var undated = series.Points.Where(p => Date(p) is null).Select(p => ClaimRenderer.Figure(p.Value, p.Qualifier, plot.Language)).ToList();
        var note = undated.Count == 0 ? "" : "  (" + RenderingGrammar.Fill(grammar.Text("chart", "undated") ?? "{x}", slot => slot == "x" ? string.Join(", ", undated) : null) + ")";
        var swatch = plot.Rtl ? plot.Edge - 24 : plot.Edge;
        svg.Append(Invariant($"<line x1=\"{swatch}\" y1=\"{legendY - 4}\" x2=\"{swatch + 24}\" y2=\"{legendY - 4}\" stroke=\"{colour}\" stroke-width=\"2\"/>\n"));
        svg.Append(Invariant($"<text x=\"{(plot.Rtl ? plot.Edge - 32 : plot.Edge + 32)}\" y=\"{legendY}\"{plot.Reading}>{Escape(name + note)}</text>\n"));
    }

    private static string Marker(Qualifier qualifier, double x, double y, string colour) => qualifier switch
    {
        Qualifier.Approx => Invariant($"<circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"5\" fill=\"white\" stroke=\"{colour}\" stroke-width=\"2\"/>\n"),
        Qualifier.AtLeast or Qualifier.MoreThan => Invariant($"<path d=\"M{x:0.#},{y - 6:0.#} L{x + 6:0.#},{y + 4:0.#} L{x - 6:0.#},{y + 4:0.#} Z\" fill=\"{colour}\"/>\n"),
        Qualifier.AtMost or Qualifier.LessThan => Invariant($"<path d=\"M{x:0.#},{y + 6:0.#} L{x + 6:0.#},{y - 4:0.#} L{x - 6:0.#},{y - 4:0.#} Z\" fill=\"{colour}\"/>\n"),
        _ => Invariant($"<circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"5\" fill=\"{colour}\"/>\n"),
    };

    /// <summary>1, 2 or 5 times a power of ten, at least <paramref name="value"/>: round grid lines.</summary>
    private static double NiceCeiling(double value)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(Math.Max(value, 1))));
        foreach (var step in new[] { 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10 })
        {
            if (step * power >= value)
            {
                return step * power;
            }
        }

        return 10 * power;
    }

    /// <summary>The day a point is placed on; none for a point without a day or a year.</summary>
    private static DateOnly? Date(SeriesPoint point) => point.AsOf?.Date;

    private static string Escape(string text) => SecurityElement.Escape(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Where days and values fall on the chart, and which way its text reads.</summary>
    private sealed record Plot(DateOnly First, int Span, double Ceiling, bool Rtl, string Language)
    {
        /// <summary>A line of text along the chart's reading edge: the left in a left-to-right language, the right otherwise.</summary>
        public double Edge => Rtl ? Width - Right : Left;

        public string Reading => Rtl ? " direction=\"rtl\"" : "";

        public double X(DateOnly day) => Left + ((day.DayNumber - First.DayNumber) / (double)Span * (Width - Left - Right));

        public double Y(long value) => Height - Bottom - (value / Ceiling * (Height - Top - Bottom));

        /// <summary>Anchors are given as they look (start: the text's left end at x); right to left, start is the right end.</summary>
        public string Anchor(string looks) => !Rtl || looks == "middle" ? looks : looks == "start" ? "end" : "start";
    }
}
