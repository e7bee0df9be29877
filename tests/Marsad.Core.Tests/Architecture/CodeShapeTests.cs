using Marsad.Model;
using Marsad.Tests.Support;

namespace Marsad.Tests.Architecture;

/// <summary>
/// The shape ARCHITECTURE.md promises: Core's namespaces depend on each other one way only, its
/// methods are short enough to read at once, and no source file (C# or the dashboard's JavaScript)
/// is too long to hold in mind.
/// </summary>
public sealed class CodeShapeTests
{
    private const int LongestMethod = 60;
    private const int LongestFile = 400;

    private static readonly string Source = Path.Combine(SharedData.RepositoryRoot, "src");

    [Fact]
    public void Core_namespaces_form_no_cycle()
    {
        var cycles = NamespaceGraph.Read(typeof(Claim).Assembly.Location, "Marsad").Cycles();

        Assert.True(cycles.Count == 0, "Namespaces of Marsad.Core that use each other:\n" + string.Join("\n", cycles));
    }

    [Fact]
    public void A_cycle_through_a_method_body_is_found()
    {
        var cycles = NamespaceGraph.Read(typeof(CodeShapeTests).Assembly.Location, Fixtures.Cyclic.Names.Root).Cycles();

        var cycle = Assert.Single(cycles);
        Assert.StartsWith($"{Fixtures.Cyclic.Names.Root}.Left, {Fixtures.Cyclic.Names.Root}.Right:", cycle, StringComparison.Ordinal);
    }

    [Fact]
    public void Namespaces_used_one_way_form_no_cycle()
    {
        var graph = NamespaceGraph.Read(typeof(CodeShapeTests).Assembly.Location, Fixtures.Acyclic.Names.Root);

        Assert.Empty(graph.Cycles());
        Assert.Equal([$"{Fixtures.Acyclic.Names.Root}.Lower"], graph.Uses[$"{Fixtures.Acyclic.Names.Root}.Upper"].Keys);
    }

    [Fact]
    public void No_method_in_core_is_longer_than_60_lines()
    {
        var longMethods = SourceSize.CodeFiles(Path.Combine(Source, "Marsad.Core"))
            .Where(path => path.EndsWith(".cs", StringComparison.Ordinal))
            .SelectMany(path => SourceSize.MethodsLongerThan(LongestMethod, File.ReadAllText(path), Path.GetRelativePath(SharedData.RepositoryRoot, path)))
            .ToList();

        Assert.True(longMethods.Count == 0, "Methods over 60 lines:\n" + string.Join("\n", longMethods));
    }

    [Fact]
    public void A_method_of_61_lines_is_too_long_and_one_of_60_is_not()
    {
        static string Method(string name, int lines) =>
            $"void {name}()\n{{\n" + string.Concat(Enumerable.Repeat("    Step();\n", lines - 3)) + "}\n";
        var source = $"class Sample\n{{\n{Method("Short", 60)}{Method("Long", 61)}}}\n";

        var found = SourceSize.MethodsLongerThan(LongestMethod, source, "Sample.cs");

        Assert.Equal(["Sample.cs:63 Long (61 lines)"], found);
    }

    [Fact]
    public void No_source_file_is_longer_than_400_lines()
    {
        var longFiles = SourceSize.CodeFiles(Source)
            .Select(path => (Path: Path.GetRelativePath(SharedData.RepositoryRoot, path), Lines: SourceSize.Lines(path)))
            .Where(file => file.Lines > LongestFile)
            .Select(file => $"{file.Path} ({file.Lines} lines)")
            .ToList();

        Assert.True(longFiles.Count == 0, "Files over 400 lines:\n" + string.Join("\n", longFiles));
    }
}
