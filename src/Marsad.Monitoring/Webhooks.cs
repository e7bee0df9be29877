using System.Net.Http.Headers;
using System.Text.Json;

namespace Marsad.Monitoring;

/// <summary>
/// Sends each alert to each webhook as a JSON POST (the object of <see cref="AlertWriter.Json(Utf8JsonWriter, Alert)"/>),
/// tried again after <see cref="RetryDelays"/> while the receiver fails or does not answer; what
/// never got through is returned with its reason, so a receiver that is down is named, not hidden.
/// </summary>
public sealed class Webhooks(IReadOnlyList<Uri> receivers, TimeSpan timeout, IReadOnlyList<TimeSpan> retryDelays) : IDisposable
{
    private readonly HttpClient client = new(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = timeout };

    public IReadOnlyList<TimeSpan> RetryDelays => retryDelays;

    public static IReadOnlyList<TimeSpan> DefaultRetryDelays { get; } = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30)];

    /// <summary>Every alert to every receiver; the deliveries that failed after every retry, with the last reason.</summary>
    public async Task<IReadOnlyList<string>> Deliver(IReadOnlyList<Alert> alerts, CancellationToken cancel = default)
    {
        var failures = new List<string>();
        foreach (var receiver in receivers)
        {
            foreach (var alert in alerts)
            {
                if (await Send(receiver, alert, cancel).ConfigureAwait(false) is { } reason)
                {
                    failures.Add($"alert {alert.Id} to {receiver}: {reason}");
                }
            }
        }

        return failures;
    }

    /// <summary>Null when delivered, else the last reason after every retry.</summary>
    private async Task<string?> Send(Uri receiver, Alert alert, CancellationToken cancel)
    {
        using var body = new MemoryStream();
        using (var json = new Utf8JsonWriter(body))
        {
            AlertWriter.Json(json, alert);
        }

        var bytes = body.ToArray();
        string? reason = null;
        for (var attempt = 0; attempt <= retryDelays.Count; attempt++)
        {
            if (attempt > 0)
            {
                await Task.Delay(retryDelays[attempt - 1], cancel).ConfigureAwait(false);
            }

            try
            {
                using var content = new ByteArrayContent(bytes);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var response = await client.PostAsync(receiver, content, cancel).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return null;
                }

                reason = $"HTTP {(int)response.StatusCode}";
            }
            catch (HttpRequestException e)
            {
                reason = "connection failed: " + e.Message;
            }
            catch (TaskCanceledException) when (!cancel.IsCancellationRequested)
            {
                reason = $"no answer in {client.Timeout.TotalSeconds:0.#} s";
            }
        }

        return reason;
    }

    public void Dispose() => client.Dispose();
}
