using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Marsad.Monitoring;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad alerts</c>: what new reports changed in the record, the latest first.</summary>
internal static class AlertsCommand
{
    public static Command Create(SharedOptions shared)
    {
        var format = new Option<string>("--format") { Description = "table or json.", DefaultValueFactory = _ => "table" }.AcceptOnlyFromAmong("table", "json");
        var since = new Option<DateTimeOffset?>("--since")
        {
            Description = "Only alerts raised since this time (ISO 8601: 2026-11-29 or 2026-11-29T06:00:00Z).",
            CustomParser = parsed =>
            {
                var text = parsed.Tokens.Single().Value;
                if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
                {
                    return time;
                }

                parsed.AddError($"--since: '{text}' is not a date or time (ISO 8601).");
                return null;
            },
        };
        var kind = new Option<string?>("--kind") { Description = "Only alerts of this kind (value_conflict, series_decrease, increment_mismatch, spike, new_series, revision)." };
        var series = new Option<string?>("--series") { Description = "Only alerts of this series id." };
        var command = new Command("alerts", "List the alerts raised when a watched report changed the record: conflicts, decreases, spikes, new series, revisions.")
        {
            format, since, kind, series,
        };
        command.SetAction(result =>
        {
            using var store = shared.StoreForReading(result);
            if (store is null)
            {
                return ExitCodes.BadUsage;
            }

            var alerts = store.Alerts(result.GetValue(since), result.GetValue(kind), result.GetValue(series));
            if (result.GetValue(format) == "json")
            {
                using var output = Console.OpenStandardOutput();
                using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
                AlertWriter.Json(json, alerts);
                json.Flush();
                output.WriteByte((byte)'\n');
                return ExitCodes.Success;
            }

            foreach (var alert in alerts)
            {
                Console.WriteLine($"{alert.Id,5} {alert.At.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}  {alert.Kind,-18} {alert.SeriesId ?? alert.DocId}");
                Console.WriteLine($"      {alert.Explanation}");
                foreach (var claim in alert.Claims)
                {
                    Console.WriteLine($"      {claim.Id}: “{claim.Quote}”");
                }
            }

            Console.WriteLine($"{alerts.Count} alerts.");
            return ExitCodes.Success;
        });
        return command;
    }
}
