using System.CommandLine;
using System.Diagnostics;
using Marsad.Rendering;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad chart SERIES… --out FILE.svg|png</c>: series drawn over time.</summary>
internal static class ChartCommand
{
    private static readonly string[] Browsers = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    public static Command Create(SharedOptions shared)
    {
        var ids = new Argument<string[]>("series") { Description = "Series ids, as `marsad tally` shows them.", Arity = ArgumentArity.OneOrMore };
        var output = CommonArguments.Output("The image to write: .svg, or .png (drawn by a headless Chromium, which must be installed).", required: true);
        var title = new Option<string?>("--title") { Description = "The chart's title (default: what the first series counts, in words)." };
        var language = new Option<string>("--lang")
        {
            Description = "The language of the chart's words: ar or en.",
            DefaultValueFactory = _ => "en",
        }.AcceptOnlyFromAmong([.. ClaimRenderer.Languages]);
        var options = new TallyOptions();
        var command = new Command("chart", "Draw series over time, each point marked by its hedge; undated points listed under the chart.") { ids, output, title, language, options.AsOf };
        command.SetAction(result =>
        {
            using var store = shared.StoreForReading(result);
            if (store is null)
            {
                return ExitCodes.BadUsage;
            }

            var filter = options.Filter(result);
            var chosen = new List<Tallies.Series>();
            foreach (var id in result.GetValue(ids)!)
            {
                if (store.OneSeries(id, filter).Find(id) is not { } series)
                {
                    Console.Error.WriteLine($"error: no series {id}; `marsad tally` lists them.");
                    return ExitCodes.BadUsage;
                }

                chosen.Add(series);
            }

            if (shared.ConflictProfile(result) is not { } profile)
            {
                return ExitCodes.BadUsage;
            }

            var path = result.GetValue(output)!;
            var words = result.GetValue(language)!;
            var renderer = new ClaimRenderer(profile);
            var names = chosen.Select(s => renderer.Title(s.Key, words)).ToList();
            var svg = SeriesChart.Svg(chosen, names, result.GetValue(title) ?? names[0], words);
            switch (Path.GetExtension(path).ToLowerInvariant())
            {
                case ".svg":
                    File.WriteAllText(path, svg);
                    break;
                case ".png":
                    if (RenderPng(svg, path) is { } error)
                    {
                        Console.Error.WriteLine("error: " + error);
                        return ExitCodes.BadUsage;
                    }

                    break;
                default:
                    Console.Error.WriteLine($"error: {path}: the chart is written as .svg or .png.");
                    return ExitCodes.BadUsage;
            }

            Console.WriteLine($"{path}: {chosen.Count} series, {chosen.Sum(s => s.Points.Count)} points.");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>A PNG is the SVG as a real browser draws it, with its font shaping; null when written.</summary>
    private static string? RenderPng(string svg, string path)
    {
        if (Browsers.FirstOrDefault(File.Exists) is not { } browser)
        {
            return $"{path}: a PNG is drawn by Chromium, which is not installed (apt-get install chromium); write .svg instead.";
        }

        var folder = Directory.CreateTempSubdirectory("marsad-chart-");
        try
        {
            var page = Path.Combine(folder.FullName, "chart.svg");
            File.WriteAllText(page, svg);
            var start = new ProcessStartInfo(browser)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--hide-scrollbars", $"--user-data-dir={Path.Combine(folder.FullName, "profile")}",
                "--window-size=960,540", $"--screenshot={Path.GetFullPath(path)}", new Uri(page).AbsoluteUri,
            })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            process.StandardOutput.ReadToEnd();
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 && File.Exists(path) ? null : $"{path}: Chromium could not draw the chart: {errors.Trim()}";
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
