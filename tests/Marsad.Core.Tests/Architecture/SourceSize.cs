using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Marsad.Tests.Architecture;

/// <summary>How long the repository's source files and their methods are, in lines.</summary>
internal static class SourceSize
{
    /// <summary>The C# and JavaScript files under a folder, not those the build writes.</summary>
    public static IEnumerable<string> CodeFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
            .Where(path => Path.GetExtension(path) is ".cs" or ".js")
            .Where(path => !path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Order(StringComparer.Ordinal);

    public static int Lines(string path) => File.ReadLines(path).Count();

    /// <summary>
    /// Every method, constructor, operator, accessor and local function of a C# source longer than
    /// <paramref name="limit"/> lines, from its first line (attributes included, doc comment not) to
    /// its last, as "path:line Name (N lines)".
    /// </summary>
    public static IEnumerable<string> MethodsLongerThan(int limit, string source, string path)
    {
        var root = CSharpSyntaxTree.ParseText(source, path: path).GetRoot();
        foreach (var member in root.DescendantNodes())
        {
            if (NameOf(member) is not { } name)
            {
                continue;
            }

            var span = member.GetLocation().GetLineSpan();
            var lines = span.EndLinePosition.Line - span.StartLinePosition.Line + 1;
            if (lines > limit)
            {
                yield return $"{path}:{span.StartLinePosition.Line + 1} {name} ({lines} lines)";
            }
        }
    }

    private static string? NameOf(SyntaxNode member) => member switch
    {
        MethodDeclarationSyntax method => method.Identifier.Text,
        ConstructorDeclarationSyntax constructor => constructor.Identifier.Text,
        LocalFunctionStatementSyntax local => local.Identifier.Text,
        AccessorDeclarationSyntax accessor => accessor.Keyword.Text,
        OperatorDeclarationSyntax or ConversionOperatorDeclarationSyntax or DestructorDeclarationSyntax => member.Kind().ToString(),
        _ => null,
    };
}
