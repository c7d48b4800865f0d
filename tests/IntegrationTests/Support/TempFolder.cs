namespace Etransactions.IntegrationTests.Support;

public static class TempFolder
{
    public static string Create(string purpose)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"etransactions-{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    public static void Delete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // A temporary folder left behind is harmless.
        }
    }
}
