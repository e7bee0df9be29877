namespace Marsad.Monitoring;

/// <summary>
/// A site's robots.txt (RFC 9309): the group for Marsad's product token, else the <c>*</c> group;
/// the longest matching Allow or Disallow rule decides, Allow winning a tie; <c>*</c> matches any
/// characters and a final <c>$</c> the end of the path.
/// </summary>
/// <param name="Unreadable">Why robots.txt could not be read, when it could not: the site is then off limits for now.</param>
public sealed record Robots(IReadOnlyList<(bool Allow, string Pattern)> Rules, string? Unreadable = null)
{
    public static Robots AllowAll { get; } = new([]);

    public static Robots Unreachable(string reason) => new([(false, "/")], reason);

    public static Robots Parse(string text, string productToken)
    {
        var groups = new List<(List<string> Agents, List<(bool, string)> Rules)>();
        (List<string> Agents, List<(bool, string)> Rules)? current = null;
        var lastWasAgent = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Split('#')[0].Trim();
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                continue;
            }

            var field = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (field == "user-agent")
            {
                if (current is null || !lastWasAgent)
                {
                    current = ([], []);
                    groups.Add(current.Value);
                }

                current.Value.Agents.Add(value.ToLowerInvariant());
                lastWasAgent = true;
                continue;
            }

            lastWasAgent = false;
            if (current is not null && field is "allow" or "disallow" && value.Length > 0)
            {
                current.Value.Rules.Add((field == "allow", value));
            }
        }

        var token = productToken.ToLowerInvariant();
        var chosen = groups.Where(g => g.Agents.Contains(token)).ToList();
        if (chosen.Count == 0)
        {
            chosen = [.. groups.Where(g => g.Agents.Contains("*"))];
        }

        return new Robots([.. chosen.SelectMany(g => g.Rules)]);
    }

    public bool Allows(string pathAndQuery)
    {
        var best = -1;
        var allowed = true;
        foreach (var (allow, pattern) in Rules)
        {
            if (Matches(pattern, pathAndQuery) && (pattern.Length > best || (pattern.Length == best && allow)))
            {
                best = pattern.Length;
                allowed = allow;
            }
        }

        return allowed;
    }

    private static bool Matches(string pattern, string path)
    {
        var anchored = pattern.EndsWith('$');
        var parts = (anchored ? pattern[..^1] : pattern).Split('*');
        if (!path.StartsWith(parts[0], StringComparison.Ordinal))
        {
            return false;
        }

        var at = parts[0].Length;
        for (var i = 1; i < parts.Length; i++)
        {
            var found = path.IndexOf(parts[i], at, StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            at = found + parts[i].Length;
        }

        return !anchored || at == path.Length || (parts.Length > 1 && parts[^1].Length == 0) || path.EndsWith(parts[^1], StringComparison.Ordinal);
    }
}
