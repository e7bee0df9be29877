namespace Marsad.Tests.Support;

/// <summary>
/// Finds the shared data beside the repository (<c>../shared</c>): the corpus, gold files and
/// third-party test cases stay there and are read in place, never copied into the project.
/// </summary>
public static class SharedData
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Root { get; } = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    public static string PathTo(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Marsad.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Marsad.slnx was not found above " + AppContext.BaseDirectory);
    }
}
