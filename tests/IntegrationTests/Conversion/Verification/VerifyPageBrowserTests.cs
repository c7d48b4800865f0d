using Etransactions.Functions.Conversion.Messages;
using Etransactions.IntegrationTests.Conversion.Pipeline;
using Etransactions.IntegrationTests.Support;
using Etransactions.TestSupport.Scans;
using OpenQA.Selenium;

namespace Etransactions.IntegrationTests.Conversion.Verification;

/// <summary>The verification page in Chromium, on a desktop and on a phone: a known code, the English switch, a mistyped and an unknown code through the form, and axe-core's check of each.</summary>
[Collection(ConversionTests.Name)]
public sealed class VerifyPageBrowserTests(SharedConversionApp shared)
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task The_page_of_a_code_shows_the_message_switches_to_english_explains_wrong_codes_and_passes_axe(string viewport)
    {
        var app = shared.App;
        var blob = await app.UploadAsync(ConversionApp.NewAgency(), "giay-xac-nhan.pdf", TestScans.TextPdf(),
            new Dictionary<string, string> { ["converter"] = "Sở Tư pháp Hà Nội", ["sign"] = "true" });
        var code = (await app.SettledAsync(blob))["lookupCode"]!.GetValue<string>();
        var wrongCheck = code[..^1] + LookupCode.Alphabet.First(symbol => symbol != code[^1]);
        var unknown = LookupCode.Candidate("no such message", 0).Display;

        using var browser = Browser.Open(viewport);
        var driver = browser.Driver;
        browser.GoTo(new Uri(app.App.Http.BaseAddress!, $"verify/{code}"));

        Assert.Equal("vi", driver.FindElement(By.TagName("html")).GetAttribute("lang"));
        Assert.Equal("Kiểm tra thông điệp dữ liệu", driver.FindElement(By.TagName("h1")).Text);
        var main = driver.FindElement(By.TagName("main")).Text;
        Assert.Contains(DataMessageSymbol.Vi, main, StringComparison.Ordinal);
        Assert.Contains("Sở Tư pháp Hà Nội", main, StringComparison.Ordinal);
        Assert.Contains("Chữ ký hợp lệ", main, StringComparison.Ordinal);
        Assert.Equal([], browser.AccessibilityViolations());
        if (viewport == "phone")
        {
            Assert.True(driver.ExecuteScript("return document.documentElement.scrollWidth <= window.innerWidth;") is true, "the page is wider than the phone");
        }

        browser.Follow(driver.FindElement(By.CssSelector("nav a[hreflang=en]")));
        Assert.Equal("en", driver.FindElement(By.TagName("html")).GetAttribute("lang"));
        Assert.Contains("Valid signature", driver.FindElement(By.TagName("main")).Text, StringComparison.Ordinal);
        Assert.Equal([], browser.AccessibilityViolations());

        Search(browser, wrongCheck);
        Assert.Contains("check character", driver.FindElement(By.CssSelector("[role=alert]")).Text, StringComparison.Ordinal);
        Assert.Equal("true", driver.FindElement(By.Id("code")).GetAttribute("aria-invalid"));
        Assert.Equal([], browser.AccessibilityViolations());

        Search(browser, unknown);
        Assert.Contains("This system keeps no data message", driver.FindElement(By.CssSelector("[role=alert]")).Text, StringComparison.Ordinal);
        Assert.Equal([], browser.AccessibilityViolations());

        Search(browser, code.ToLowerInvariant());
        Assert.EndsWith($"/verify/{code}?lang=en", driver.Url, StringComparison.Ordinal);
        Assert.Contains("Valid signature", driver.FindElement(By.TagName("main")).Text, StringComparison.Ordinal);
    }

    /// <summary>Types a code into the form and sends it, as a person without JavaScript would, and waits for the answer.</summary>
    private static void Search(Browser browser, string typed)
    {
        var driver = browser.Driver;
        var field = driver.FindElement(By.Id("code"));
        field.Clear();
        field.SendKeys(typed);
        var before = driver.Url;
        driver.FindElement(By.CssSelector("form button[type=submit]")).Click();
        var until = DateTime.UtcNow.AddSeconds(30);
        while (driver.Url == before || driver.ExecuteScript("return document.readyState;") is not "complete")
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"The search for {typed} did not load; the browser is at {driver.Url}.");
            }
            Thread.Sleep(50);
        }
    }
}
