using System.Globalization;

namespace Etransactions.Functions.Publication.Downloads;

/// <summary>A language of the page: its code (the <c>lang</c> attribute and parameter), its own name, its words and how it writes numbers and dates.</summary>
public sealed class PageLanguage
{
    public static readonly PageLanguage Vietnamese = new("vi", "Tiếng Việt", PageText.Vietnamese, ".", ",", "dd/MM/yyyy", "\u00a0%");
    public static readonly PageLanguage English = new("en", "English", PageText.English, ",", ".", "d MMMM yyyy", "%");

    public static readonly IReadOnlyList<PageLanguage> All = [Vietnamese, English];

    private readonly NumberFormatInfo _numbers;
    private readonly string _dateFormat;
    private readonly string _percent;

    private PageLanguage(string code, string name, PageText text, string groupSeparator, string decimalSeparator, string dateFormat, string percent)
    {
        Code = code;
        Name = name;
        Text = text;
        _numbers = new NumberFormatInfo { NumberGroupSeparator = groupSeparator, NumberDecimalSeparator = decimalSeparator };
        _dateFormat = dateFormat;
        _percent = percent;
    }

    public string Code { get; }

    public string Name { get; }

    public PageText Text { get; }

    public static PageLanguage? Find(string? code) => All.FirstOrDefault(language => language.Code == code);

    public string Number(double value) => value.ToString("#,##0.##", _numbers);

    public string Percent(double value) => value.ToString("0.####", _numbers) + _percent;

    // English month names from the invariant culture; Vietnamese dates are numeric.
    public string Date(DateOnly date) => date.ToString(_dateFormat, CultureInfo.InvariantCulture);

    public string DateTime(DateTimeOffset instant) =>
        $"{Date(Core.VietnamTime.DateOf(instant))} {instant.ToOffset(Core.VietnamTime.Offset).ToString("HH:mm", CultureInfo.InvariantCulture)} {Text.VietnamTime}";
}
