using Marsad.Analysis;
using Marsad.Languages;
using Marsad.Tests.Support;

namespace Marsad.Tests.Analysis;

/// <summary><c>marsad lint-data</c>'s checks: the shipped data passes, and each kind of mistake is named with its file and line.</summary>
public sealed class DataLintTests : IDisposable
{
    private static readonly string ShippedLanguages = Path.Combine(SharedData.RepositoryRoot, "src", "Marsad.Core", "Languages");

    private readonly TempFolder temp = new();

    /// <summary>A copy of the shipped English pack to spoil, in a folder named for its language.</summary>
    private string EnglishCopy()
    {
        var folder = temp.Combine("en");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(ShippedLanguages, "en")))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        return folder;
    }

    /// <summary>Appends a line to a file of the pack; returns its line number.</summary>
    private static int Append(string folder, string file, string line)
    {
        var path = Path.Combine(folder, file);
        var lines = File.ReadAllLines(path).ToList();
        lines.Add(line);
        File.WriteAllLines(path, lines);
        return lines.Count;
    }

    [Fact]
    public void Every_shipped_language_pack_and_profile_passes()
    {
        Assert.Empty(DataLint.Check(ShippedLanguages));
        Assert.Empty(DataLint.Check(Path.Combine(SharedData.RepositoryRoot, "src", "Marsad.Core", "Profiles")));
        Assert.Empty(DataLint.Check(Path.Combine(SharedData.RepositoryRoot, "samples", "profiles")));
    }

    [Fact]
    public void A_misspelt_category_code_is_named_with_file_line_and_the_codes_there_are()
    {
        var pack = EnglishCopy();
        var line = Append(pack, "categories.tsv", "smitten\tcategory=kiled");

        var problem = Assert.Single(DataLint.Check(pack));

        Assert.StartsWith($"{pack}/categories.tsv:{line}: category=kiled: expected one of killed, injured", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_feature_is_named_with_file_line_and_the_features_the_file_takes()
    {
        var pack = EnglishCopy();
        var line = Append(pack, "nouns.tsv", "gunmen\trole=fighter; sexe=male");

        var problem = Assert.Single(DataLint.Check(pack));

        Assert.Equal($"{pack}/nouns.tsv:{line}: unknown feature 'sexe'; expected one of: age, category, count, part, role, sex, singular, unit.", problem);
    }

    [Fact]
    public void One_file_of_a_pack_is_checked_alone_under_the_path_given()
    {
        var pack = EnglishCopy();
        var line = Append(pack, "markers.tsv", "whereof\tmarker=breakdwon");
        Append(pack, "nouns.tsv", "gunmen\trole=fightr");

        var problem = Assert.Single(DataLint.Check(Path.Combine(pack, "markers.tsv")));

        Assert.StartsWith($"{pack}/markers.tsv:{line}: marker=breakdwon: expected one of breakdown,", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_phrase_twice_with_other_features_is_a_problem_at_the_second_line()
    {
        var pack = EnglishCopy();
        var line = Append(pack, "qualifiers.tsv", "About\tqualifier=at_least; position=before");

        Assert.Contains(DataLint.Check(pack), p => p.StartsWith($"{pack}/qualifiers.tsv:{line}: 'About' is already on line ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("numbers.tsv", "eleven\tunit\televen", "value 'eleven': expected a whole number")]
    [InlineData("numbers.tsv", "umpteen\tumpteen\t0", "kind 'umpteen': expected one of unit, teen_unit")]
    [InlineData("calendar.tsv", "Smarch\tmonth=13", "month=13: expected a whole number from 1 to 12.")]
    [InlineData("nationalities.tsv", "Ruritanian\tnationality=ruritania", "nationality=ruritania: expected an ISO 3166-1 alpha-2 code")]
    [InlineData("clitics.tsv", "al\tarticles", "slot 'articles': expected one of conjunction")]
    public void A_value_of_the_wrong_kind_is_named_with_what_was_expected(string file, string row, string expected)
    {
        var pack = EnglishCopy();
        var line = Append(pack, file, row);

        var problem = Assert.Single(DataLint.Check(pack));

        Assert.StartsWith($"{pack}/{file}:{line}: {expected}", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_of_a_pack_is_a_problem()
    {
        var pack = EnglishCopy();
        File.Delete(Path.Combine(pack, "causes.tsv"));

        Assert.Equal([$"{pack}/causes.tsv: the file is missing; every language pack has it (ARCHITECTURE.md lists them)."], DataLint.Check(pack));
    }

    [Fact]
    public void A_profile_actor_with_an_unknown_role_is_named_with_file_and_line()
    {
        var path = temp.File("profiles/bad.json", """
            {
              "profile": "bad",
              "actors": [
                { "code": "A", "names": { "en": ["Alpha"] } },
                { "code": "B", "role": "soldeir", "names": { "en": ["Bravo"] } }
              ]
            }
            """);

        var problem = Assert.Single(DataLint.Check(Path.GetDirectoryName(path)!));

        Assert.StartsWith($"{path}:5: 'soldeir' is no role; expected one of fighter, leader, soldier, civilian", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_profile_actor_whose_parent_is_unknown_is_named_with_its_line()
    {
        var path = temp.File("bad.json", "{ \"profile\": \"bad\",\n  \"actors\": [\n    { \"code\": \"A\", \"parent\": \"ZZ\", \"names\": {} } ] }");

        Assert.Equal([$"{path}:3: actor A has parent ZZ, which the profile does not define."], DataLint.Check(path));
    }

    [Fact]
    public void A_pack_with_a_problem_does_not_load()
    {
        var pack = EnglishCopy();
        var line = Append(pack, "causes.tsv", "bombing\tcause=bombs");

        var error = Assert.Throws<InvalidDataException>(() => LanguagePack.Load([LanguageData.FromFolder(pack)], Marsad.Profiles.ConflictProfile.Syria));

        Assert.StartsWith($"{pack}/causes.tsv:{line}: cause=bombs: expected one of airstrike", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_path_that_is_not_there_is_one_problem()
    {
        var path = temp.Combine("nowhere");

        Assert.Equal([$"{path}: no such file or folder."], DataLint.Check(path));
    }

    public void Dispose() => temp.Dispose();
}
