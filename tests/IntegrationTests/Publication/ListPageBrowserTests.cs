using System.Security.Cryptography;
using Etransactions.IntegrationTests.Support;
using OpenQA.Selenium;

namespace Etransactions.IntegrationTests.Publication;

/// <summary>The list's page in Chromium, on a desktop and on a phone: what it shows, the language switch, the downloads, the keyboard and axe-core's check.</summary>
[Collection(PublishedListGroup.Name)]
public sealed class ListPageBrowserTests(PublishedListApp published)
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task The_page_shows_the_list_switches_to_english_links_the_published_files_and_passes_axe(string viewport)
    {
        using var browser = Browser.Open(viewport);
        var driver = browser.Driver;
        browser.GoTo(new Uri(published.App.App.Http.BaseAddress!, "api/lists/large-platforms"));

        Assert.Equal("vi", driver.FindElement(By.TagName("html")).GetAttribute("lang"));
        Assert.Equal("Danh sách nền tảng số trung gian quy mô lớn và quy mô rất lớn", driver.FindElement(By.TagName("h1")).Text);
        var rows = driver.FindElements(By.CssSelector("table tbody tr"));
        Assert.Equal(
            [PublishedListApp.Growing, PublishedListApp.Steady, PublishedListApp.Joining],
            rows.Select(row => row.FindElement(By.CssSelector("th[scope=row]")).Text));
        Assert.Contains("Rất lớn", rows[0].Text, StringComparison.Ordinal);
        Assert.Contains("12.000.000", rows[0].Text, StringComparison.Ordinal);
        Assert.Equal([], browser.AccessibilityViolations());
        if (viewport == "phone")
        {
            // The page itself does not scroll sideways; the table scrolls inside its own region.
            Assert.True(driver.ExecuteScript("return document.documentElement.scrollWidth <= window.innerWidth;") is true, "the page is wider than the phone");
        }

        // The first Tab reaches the skip link, and it shows over the page without moving it (a link clicked
        // next would otherwise move away under the pointer).
        driver.FindElement(By.TagName("body")).SendKeys(Keys.Tab);
        var focused = driver.SwitchTo().ActiveElement();
        Assert.Equal("#list", new Uri(focused.GetAttribute("href")!).Fragment);
        Assert.True(focused.Displayed && focused.Size.Width > 0, "the skip link stays hidden when focused");

        // Each download link gives the file whose SHA-256 the page shows beside it.
        using var http = new HttpClient();
        foreach (var item in driver.FindElements(By.CssSelector("#downloads + ul li")).Where(item => item.FindElements(By.TagName("code")).Count > 0))
        {
            var link = item.FindElement(By.TagName("a"));
            var body = await http.GetByteArrayAsync(new Uri(link.GetAttribute("href")!), TestContext.Current.CancellationToken);
            Assert.Equal(item.FindElement(By.TagName("code")).Text, Convert.ToHexStringLower(SHA256.HashData(body)));
        }
        var signature = driver.FindElement(By.CssSelector("a[href*='large-platforms.json.p7s']"));
        Assert.Equal(200, (int)(await http.GetAsync(new Uri(signature.GetAttribute("href")!), TestContext.Current.CancellationToken)).StatusCode);

        browser.Follow(driver.FindElement(By.CssSelector("nav a[hreflang=en]")));

        Assert.Equal("en", driver.FindElement(By.TagName("html")).GetAttribute("lang"));
        Assert.Equal("List of large-scale and particularly large-scale intermediary digital platforms", driver.FindElement(By.TagName("h1")).Text);
        Assert.Contains("Particularly large", driver.FindElements(By.CssSelector("table tbody tr"))[0].Text, StringComparison.Ordinal);
        Assert.Equal([], browser.AccessibilityViolations());

        // The history leads to version 1, which says it is not the latest and lists what it had.
        browser.Follow(driver.FindElement(By.CssSelector("#history + ol a")));
        Assert.Contains("version=1", driver.Url, StringComparison.Ordinal);
        Assert.Contains("This is not the latest version", driver.FindElement(By.TagName("main")).Text, StringComparison.Ordinal);
        Assert.Equal(2, driver.FindElements(By.CssSelector("table tbody tr")).Count);
        Assert.Equal([], browser.AccessibilityViolations());
    }
}
