using System.Text.RegularExpressions;

namespace Etransactions.Local.App;

/// <summary>
/// The app settings of a local run: the Values of local.settings.json (made from the sample on the first
/// run), as the Functions host gives them to the worker as environment variables. A setting added to the
/// sample since the file was made is taken from the sample, so an older file keeps working.
/// </summary>
public sealed partial class AppSettings
{
    private AppSettings(Dictionary<string, string> values) => Values = values;

    public IReadOnlyDictionary<string, string> Values { get; }

    public static AppSettings Load(string repositoryRoot, IReadOnlyDictionary<string, string> overrides)
    {
        var file = Path.Combine(repositoryRoot, "local.settings.json");
        var sample = Path.Combine(repositoryRoot, "local.settings.sample.json");
        if (!File.Exists(file) && File.Exists(sample))
        {
            File.Copy(sample, file);
        }
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var source in new[] { sample, file }.Where(File.Exists))
        {
            var root = JsonNode.Parse(File.ReadAllText(source), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            foreach (var (name, value) in root?[nameof(Values)]?.AsObject() ?? [])
            {
                values[name] = value?.ToString() ?? "";
            }
        }
        foreach (var (name, value) in overrides)
        {
            values[name] = value;
        }
        return new AppSettings(values);
    }

    public string? this[string name] => Values.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    /// <summary>Resolves the `%NAME%` references of host.json and binding properties to app settings.</summary>
    public string Resolve(string text) => SettingReference().Replace(text, reference =>
    {
        var name = reference.Groups[1].Value;
        return this[name] ?? throw new InvalidOperationException($"App setting {name} is missing (named by {text}).");
    });

    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex SettingReference();
}
