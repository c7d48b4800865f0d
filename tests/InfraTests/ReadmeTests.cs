using System.Text.RegularExpressions;
using System.Xml.Linq;
using Etransactions.Functions.Core.Settings;

namespace Etransactions.InfraTests;

/// <summary>The README keeps its promises to a newcomer: the two commands, every setting, why each package is there.</summary>
public sealed partial class ReadmeTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));

    [Fact]
    public void It_opens_with_the_two_commands_a_newcomer_runs()
    {
        var firstBlock = Readme[Readme.IndexOf("```sh\n", StringComparison.Ordinal)..];
        firstBlock = firstBlock[..firstBlock.IndexOf("\n```", 6, StringComparison.Ordinal)];

        Assert.Contains("\ndotnet run --project local ", firstBlock, StringComparison.Ordinal);
        Assert.Contains("\ndotnet test ", firstBlock, StringComparison.Ordinal);
        Assert.True(Readme.IndexOf("```sh\n", StringComparison.Ordinal) < Readme.IndexOf("\n## ", StringComparison.Ordinal), "the commands come before the first section");
    }

    [Fact]
    public void Its_configuration_table_names_every_setting_the_app_reads()
    {
        var table = TableRows("## Configuration");

        var missing = AppSettings.Names.Where(name => !table.Any(row => row.Contains($"`{name}`", StringComparison.Ordinal))).ToList();

        Assert.True(missing.Count == 0, $"the README's configuration table lacks: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Its_dependencies_table_says_why_each_package_is_there()
    {
        var named = TableRows("## Dependencies").SelectMany(row => PackagesOf(row.Split('|', StringSplitOptions.TrimEntries)[1])).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var packages = XDocument.Load(Path.Combine(Repository.Root, "Directory.Packages.props")).Descendants("ItemGroup")
            .Where(group => (string?)group.Attribute("Label") != "Transitive pins")
            .SelectMany(group => group.Elements("PackageVersion"))
            .Select(package => (string)package.Attribute("Include")!)
            .ToList();

        Assert.NotEmpty(packages);
        var missing = packages.Where(package => !named.Contains(package)).ToList();
        Assert.True(missing.Count == 0, $"the README's dependencies table lacks: {string.Join(", ", missing)}");
    }

    /// <summary>
    /// The packages a table cell names: <c>A.B.C, .D, .E.F</c> is A.B.C with siblings or children written from
    /// any of its prefixes (A.B.C.D or A.B.D); a version after a name (<c>PDFsharp 6.2.4</c>) is left out.
    /// </summary>
    private static IEnumerable<string> PackagesOf(string cell)
    {
        var parts = cell.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split(' ')[0])
            .ToList();
        var first = parts[0];
        yield return first;
        var prefixes = Enumerable.Range(1, first.Count(c => c == '.') + 1).Select(count => string.Join('.', first.Split('.').Take(count))).ToList();
        foreach (var part in parts.Skip(1))
        {
            if (part.StartsWith('.'))
            {
                foreach (var prefix in prefixes)
                {
                    yield return prefix + part;
                }
            }
            else
            {
                yield return part;
            }
        }
    }

    /// <summary>The body rows of the first table under a heading.</summary>
    private static IReadOnlyList<string> TableRows(string heading)
    {
        var section = Readme[(Readme.IndexOf("\n" + heading + "\n", StringComparison.Ordinal) + 1)..];
        var end = NextHeading().Match(section, heading.Length);
        section = end.Success ? section[..end.Index] : section;
        return [.. section.Split('\n').Where(line => line.StartsWith('|')).Skip(2)];
    }

    [GeneratedRegex(@"\n## ")]
    private static partial Regex NextHeading();
}
