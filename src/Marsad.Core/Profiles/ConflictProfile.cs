using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Marsad.Languages;
using Marsad.Model;

namespace Marsad.Profiles;

/// <summary>An armed actor of a conflict (CODEBOOK §4): its code and its names in each language.</summary>
/// <param name="Parent">The actor it belongs to, if any (COALITION ⊃ US).</param>
/// <param name="Role">The role of its members when the text names none but a generic one
/// ("عناصر القوات الأمريكية" are soldiers).</param>
public sealed record Actor(
    string Code,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Names,
    string? Parent = null,
    Role? Role = null);

/// <summary>
/// A word that names an actor only through the report around it: "التنظيم" (the organisation) is
/// whichever of <paramref name="RefersTo"/> the report names most, else <paramref name="Default"/>.
/// </summary>
public sealed record Anaphor(
    IReadOnlyDictionary<string, IReadOnlyList<string>> Names,
    IReadOnlyList<string> RefersTo,
    string Default);

/// <summary>A place a user knows and the gazetteer does not: a village, a camp, an oil field.</summary>
/// <param name="Level">"governorate" makes it a report's default place when a dateline names it;
/// any other level is a place wherever it is named.</param>
public sealed record ProfilePlace(
    string Id,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Names,
    string Admin1,
    double Lat,
    double Lon,
    string Level = "village");

/// <summary>
/// What Marsad knows of one conflict, as data: actors with their aliases, anaphora, which actor a
/// soldier of a nationality serves ("20 جنديا سوريا" are SYGOV), and places to add to the gazetteer.
/// The Syria profile (<c>Profiles/syria.json</c>) is the default; a user's file adds to it
/// (<c>"mode": "add"</c>) or replaces it (<c>"mode": "replace"</c>).
/// </summary>
public sealed record ConflictProfile(
    string Profile,
    IReadOnlyList<Actor> Actors,
    IReadOnlyList<Anaphor> Anaphora,
    IReadOnlyDictionary<string, string> Armies,
    IReadOnlyList<ProfilePlace> Places)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new CodeConverter<Role>() },
    };

    public static ConflictProfile Syria { get; } = Parse(Tsv.OpenEmbedded("Profiles/syria.json").ReadToEnd(), "Profiles/syria.json") switch
    {
        ProfileRead.Loaded loaded => loaded.Profile.Profile,
        ProfileRead.Failed failed => throw new InvalidDataException(failed.Message),
        _ => throw new InvalidOperationException(),
    };

    /// <summary>Reads a user's profile file; errors name the file and line.</summary>
    public static ProfileRead Read(string path)
    {
        try
        {
            return Parse(File.ReadAllText(path), path);
        }
        catch (IOException e)
        {
            return new ProfileRead.Failed($"{path}: {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            return new ProfileRead.Failed($"{path}: {e.Message}");
        }
    }

    public static ProfileRead Parse(string json, string path)
    {
        ProfileFile? file;
        try
        {
            file = JsonSerializer.Deserialize<ProfileFile>(json, Json);
        }
        catch (JsonException e)
        {
            return new ProfileRead.Failed($"{path}:{(e.LineNumber ?? 0) + 1}: {e.Message}");
        }

        if (file is null)
        {
            return new ProfileRead.Failed($"{path}: the file holds no profile.");
        }

        var profile = new ConflictProfile(
            file.Profile, file.Actors ?? [], file.Anaphora ?? [], file.Armies ?? new Dictionary<string, string>(), file.Places ?? []);
        return profile.Validate(path, json) is { } error
            ? new ProfileRead.Failed(error)
            : new ProfileRead.Loaded(new LoadedProfile(profile, file.Mode ?? ProfileMode.Add));
    }

    /// <summary>This profile laid over <paramref name="basis"/>: its actors, anaphora, armies and places win.</summary>
    public ConflictProfile Over(ConflictProfile basis)
    {
        var codes = Actors.Select(a => a.Code).ToHashSet(StringComparer.Ordinal);
        var armies = new Dictionary<string, string>(basis.Armies, StringComparer.Ordinal);
        foreach (var (nationality, actor) in Armies)
        {
            armies[nationality] = actor;
        }

        return new ConflictProfile(
            $"{basis.Profile}+{Profile}",
            [.. basis.Actors.Where(a => !codes.Contains(a.Code)), .. Actors],
            [.. basis.Anaphora, .. Anaphora],
            armies,
            [.. basis.Places, .. Places]);
    }

    /// <summary>The first mistake the JSON reader cannot see: a code that points at no actor, with the line it is on.</summary>
    private string? Validate(string path, string json)
    {
        var codes = Actors.Select(a => a.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var actor in Actors)
        {
            if (actor.Parent is { } parent && !codes.Contains(parent))
            {
                return $"{path}:{LineOf(json, "parent", parent)}: actor {actor.Code} has parent {parent}, which the profile does not define.";
            }
        }

        foreach (var anaphor in Anaphora)
        {
            if (!anaphor.RefersTo.Contains(anaphor.Default))
            {
                return $"{path}:{LineOf(json, "default", anaphor.Default)}: anaphor default {anaphor.Default} is not among its refers_to ({string.Join(", ", anaphor.RefersTo)}).";
            }
        }

        return null;
    }

    /// <summary>The line of <c>"key": "value"</c> in the file (1 when it cannot be found, as for a value written over lines).</summary>
    private static int LineOf(string json, string key, string value)
    {
        var found = Regex.Match(
            json, $"\"{key}\"\\s*:\\s*\"{Regex.Escape(value)}\"", RegexOptions.CultureInvariant);
        return found.Success ? json.AsSpan(0, found.Index).Count('\n') + 1 : 1;
    }

    private sealed record ProfileFile(
        string Profile,
        string? Description = null,
        string? Source = null,
        ProfileMode? Mode = null,
        IReadOnlyList<Actor>? Actors = null,
        IReadOnlyList<Anaphor>? Anaphora = null,
        IReadOnlyDictionary<string, string>? Armies = null,
        IReadOnlyList<ProfilePlace>? Places = null);
}

/// <summary>A codebook code in a profile ("soldier"); anything else is an error that says which codes there are.</summary>
internal sealed class CodeConverter<T> : JsonConverter<T>
    where T : struct, Enum
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && Codes.Parse<T>(reader.GetString()) is { } code
            ? code
            : throw new JsonException(
                $"{(reader.TokenType == JsonTokenType.String ? $"'{reader.GetString()}'" : reader.TokenType.ToString())} is no {typeof(T).Name.ToLowerInvariant()}; expected one of {string.Join(", ", Codes.All<T>())}.");

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(Codes.Of(value));
}

/// <summary>Whether a user's profile adds to the default one or stands alone.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ProfileMode>))]
public enum ProfileMode { Add, Replace }

/// <summary>A profile read from a file, and how it combines with the default.</summary>
public sealed record LoadedProfile(ConflictProfile Profile, ProfileMode Mode)
{
    /// <summary>The profile to extract with: this one alone, or laid over the default.</summary>
    public ConflictProfile Effective => Mode == ProfileMode.Replace ? Profile : Profile.Over(ConflictProfile.Syria);
}

/// <summary>The outcome of reading a profile file.</summary>
public abstract record ProfileRead
{
    public sealed record Loaded(LoadedProfile Profile) : ProfileRead;

    public sealed record Failed(string Message) : ProfileRead;
}
