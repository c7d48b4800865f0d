namespace Etransactions.Local;

public static class RepositoryRoot
{
    /// <summary>The folder holding Functions.sln, above the current directory or this program's.</summary>
    public static string Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Functions.sln")))
                {
                    return dir.FullName;
                }
            }
        }
        throw new InvalidOperationException("Functions.sln not found above the current folder: run from the repository.");
    }
}
