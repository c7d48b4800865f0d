using System.Text.Json;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Chromium;

namespace Etransactions.IntegrationTests.Support;

/// <summary>
/// Debian's Chromium, headless, driven through its chromedriver (both installed by .ci/run), in a desktop
/// window or as a phone (390 × 844 CSS pixels, touch, a phone's user agent). It reaches only loopback: its
/// background connections are off, as this machine's closed network would refuse them.
/// </summary>
public sealed class Browser : IDisposable
{
    private readonly string _profile = TempFolder.Create("chromium");

    private Browser(bool phone)
    {
        var options = new ChromeOptions { BinaryLocation = "/usr/bin/chromium" };
        options.AddArguments(
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions", $"--user-data-dir={_profile}");
        if (phone)
        {
            options.EnableMobileEmulation(new ChromiumMobileEmulationDeviceSettings
            {
                Width = 390,
                Height = 844,
                PixelRatio = 3,
                EnableTouchEvents = true,
                UserAgent = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Mobile Safari/537.36",
            });
        }
        else
        {
            options.AddArgument("--window-size=1366,900");
        }
        var service = ChromeDriverService.CreateDefaultService("/usr/bin", "chromedriver");
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        Driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    public ChromeDriver Driver { get; }

    /// <summary>A browser as a phone for <c>"phone"</c>, else in a desktop window.</summary>
    public static Browser Open(string viewport) => new(phone: viewport == "phone");

    public void GoTo(Uri url) => Driver.Navigate().GoToUrl(url);

    /// <summary>Clicks a link and waits until the page it leads to has loaded.</summary>
    public void Follow(IWebElement link)
    {
        var target = new Uri(new Uri(Driver.Url), link.GetAttribute("href")!);
        link.Click();
        var until = DateTime.UtcNow.AddSeconds(30);
        while (!(Driver.Url == target.AbsoluteUri && Driver.ExecuteScript("return document.readyState;") is "complete"))
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"{target} did not load; the browser is at {Driver.Url}.");
            }
            Thread.Sleep(50);
        }
    }

    /// <summary>
    /// The serious and critical violations axe-core finds in the page against WCAG 2.0/2.1 A and AA, each as
    /// "rule: help (elements)"; empty when there are none.
    /// </summary>
    public IReadOnlyList<string> AccessibilityViolations()
    {
        Driver.ExecuteScript(AxeScript.Value);
        var found = (string?)Driver.ExecuteAsyncScript("""
            const done = arguments[arguments.length - 1];
            axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] })
              .then(result => done(JSON.stringify(result.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')) })))))
              .catch(error => done(JSON.stringify([{ id: 'axe-error', impact: 'critical', help: String(error), nodes: [] }])));
            """);
        using var violations = JsonDocument.Parse(found ?? throw new InvalidOperationException("axe-core gave no result."));
        return [.. violations.RootElement.EnumerateArray()
            .Where(violation => violation.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(violation => $"{violation.GetProperty("id").GetString()}: {violation.GetProperty("help").GetString()} ({string.Join(", ", violation.GetProperty("nodes").EnumerateArray().Select(node => node.GetString()))})")];
    }

    private static readonly Lazy<string> AxeScript = new(() =>
    {
        using var stream = typeof(Deque.AxeCore.Commons.AxeResult).Assembly.GetManifestResourceStream("Deque.AxeCore.Commons.Resources.axe.min.js")
            ?? throw new InvalidOperationException("axe-core's script is not in Deque.AxeCore.Commons.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
        TempFolder.Delete(_profile);
    }
}
