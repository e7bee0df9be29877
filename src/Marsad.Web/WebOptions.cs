using Marsad.Extraction;

namespace Marsad.Web;

/// <summary>How <c>marsad serve</c> runs: which store, who may read, and the limits on writing.</summary>
/// <param name="Database">The store the API reads and writes: a SQLite path or a PostgreSQL URL.</param>
/// <param name="Extractor">Reads uploaded reports (its conflict profile included).</param>
/// <param name="OpenReading">Reading needs no token (the default); writing always does.</param>
/// <param name="MaxUploadBytes">A larger request body is refused with 413.</param>
/// <param name="WritesPerMinute">Uploads and reviews one client may make a minute; more get 429.</param>
/// <param name="Watch">Run the watcher inside the server (<c>marsad serve --watch</c>), when given.</param>
public sealed record WebOptions(
    string Database,
    ClaimExtractor Extractor,
    bool OpenReading = true,
    long MaxUploadBytes = 4 * 1024 * 1024,
    int WritesPerMinute = 120,
    WatchSettings? Watch = null);
