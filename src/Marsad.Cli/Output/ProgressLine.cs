using System.Diagnostics;

namespace Marsad.Cli.Output;

/// <summary>
/// A one-line progress count on standard error, redrawn at most ten times a second and only when
/// standard error is a terminal, so logs and pipes stay clean.
/// </summary>
internal sealed class ProgressLine(string label) : IDisposable
{
    private readonly bool visible = !Console.IsErrorRedirected;
    private readonly Stopwatch sinceDrawn = Stopwatch.StartNew();
    private bool drawn;

    public void Report(int done)
    {
        if (!visible || sinceDrawn.ElapsedMilliseconds < 100)
        {
            return;
        }

        Console.Error.Write($"\r{label}: {done} reports");
        drawn = true;
        sinceDrawn.Restart();
    }

    /// <summary>Prints a message on its own line without mangling the progress line.</summary>
    public void Interrupt(string message)
    {
        Clear();
        Console.Error.WriteLine(message);
    }

    public void Dispose() => Clear();

    private void Clear()
    {
        if (drawn)
        {
            Console.Error.Write("\r\x1b[K");
            drawn = false;
        }
    }
}
