using System.Globalization;

namespace Etransactions.Bench.Measuring;

/// <summary>The resident memory of a process and all its descendants, read from /proc (Linux).</summary>
internal static class ProcessTree
{
    /// <summary>The summed RSS in bytes of <paramref name="root"/> and every process below it; 0 once it is gone.</summary>
    public static long RssBytes(int root)
    {
        var children = new Dictionary<int, List<int>>();
        var rss = new Dictionary<int, long>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }
            if (Stat(directory) is not { } stat)
            {
                continue;
            }
            rss[pid] = stat.RssPages * Environment.SystemPageSize;
            if (!children.TryGetValue(stat.ParentPid, out var siblings))
            {
                children[stat.ParentPid] = siblings = [];
            }
            siblings.Add(pid);
        }

        var total = 0L;
        var stack = new Stack<int>([root]);
        while (stack.TryPop(out var pid))
        {
            total += rss.GetValueOrDefault(pid);
            foreach (var child in children.GetValueOrDefault(pid) ?? [])
            {
                stack.Push(child);
            }
        }
        return total;
    }

    /// <summary>
    /// The CPU time, user and system, of every child of this process that has ended and been waited for,
    /// with their own waited-for children: /proc/self/stat's cutime and cstime, in ticks of 1/100 s.
    /// </summary>
    public static double EndedChildrenCpuSeconds()
    {
        var stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture)) / 100.0;
    }

    /// <summary>The parent and the RSS in pages from /proc/PID/stat, or null when the process ended while read.</summary>
    private static (int ParentPid, long RssPages)? Stat(string directory)
    {
        string stat;
        try
        {
            stat = File.ReadAllText(Path.Combine(directory, "stat"));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        // The fields after the command name, which is in parentheses and may hold spaces: state is field 3,
        // the parent field 4, the RSS in pages field 24.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return fields.Length > 21
            && int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var parent)
            && long.TryParse(fields[21], NumberStyles.None, CultureInfo.InvariantCulture, out var pages)
            ? (parent, pages)
            : null;
    }
}
