using System.CommandLine;
using Marsad.Model;
using Marsad.Storage;
using Marsad.Tallies;

namespace Marsad.Cli.Commands;

/// <summary>The options that choose which series a tally shows and as of when; shared by tally, export, chart and checks.</summary>
internal sealed class TallyOptions
{
    public Option<string?> Category { get; } = CommonArguments.Category("Only series of this category (killed, exited, detained, …).");

    public Option<string?> Actor { get; } = new("--actor") { Description = "Only series of this actor code (IS, SDF, …)." };

    public Option<string?> Since { get; } = CommonArguments.Date("--since", "Only running totals from this baseline (YYYY-MM-DD).");

    public Option<string?> AsOf { get; } = CommonArguments.Date(
        "--as-of", "What the record said on this day: only reports published by then (reports of unknown date are left out).");

    public IEnumerable<Option> All => [Category, Actor, Since, AsOf];

    /// <summary>
    /// The filter the options ask for, for reads that stream the series (<see cref="MarsadStore.SeriesOf"/>);
    /// null, with the reason on standard error, when a filter names what no series has.
    /// </summary>
    public TallyFilter? Filter(MarsadStore store, ParseResult result)
    {
        var filter = new TallyFilter(
            Codes.Parse<Category>(result.GetValue(Category)), result.GetValue(Actor), Day.TryParse(result.GetValue(Since)), CommonArguments.ParseDate(result.GetValue(AsOf)));
        if (store.TallyWarnings(filter).Unknown is { } unknown)
        {
            Console.Error.WriteLine("error: " + unknown);
            return null;
        }

        return filter;
    }

    /// <summary>The tally the options ask for; null, with the reason on standard error, when a filter names what no series has.</summary>
    /// <param name="withSeries">False when only the warnings are wanted: the series' claims are not read.</param>
    public Tally? Build(MarsadStore store, ParseResult result, bool withSeries = true)
    {
        var filter = Filter(result);
        var read = withSeries ? store.Tally(filter) : store.TallyWarnings(filter);
        if (read.Unknown is { } unknown)
        {
            Console.Error.WriteLine("error: " + unknown);
            return null;
        }

        return read.Tally;
    }

    /// <summary>The filter the options given ask for.</summary>
    public TallyFilter Filter(ParseResult result) => new(
        Codes.Parse<Category>(result.GetValue(Category)), result.GetValue(Actor), Day.TryParse(result.GetValue(Since)), CommonArguments.ParseDate(result.GetValue(AsOf)));
}
