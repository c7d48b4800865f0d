using Etransactions.Functions.Conversion.Messages;

namespace Etransactions.UnitTests.Conversion.Messages;

public sealed class LookupCodeTests
{
    private static readonly LookupCode[] Samples = [.. Enumerable.Range(0, 40).Select(i => LookupCode.Candidate($"message-{i}", i % 3))];

    private static LookupCodeProblem? ProblemOf(string input)
    {
        try
        {
            LookupCode.Parse(input);
            return null;
        }
        catch (InvalidLookupCodeException invalid)
        {
            return invalid.Problem;
        }
    }

    [Fact]
    public void Alphabet_HasNoSymbolThatReadsLikeAnother()
    {
        Assert.Equal(31, LookupCode.Alphabet.Length);
        foreach (var confusable in "0O1IL")
        {
            Assert.DoesNotContain(confusable, LookupCode.Alphabet);
        }
        Assert.All(Samples, code => Assert.Matches("^[2-9A-HJKMNP-Z]{9}$", code.Canonical));
    }

    [Fact]
    public void Candidate_DependsOnTheMessageAndAttemptOnly()
    {
        Assert.Equal(LookupCode.Candidate("abc", 0), LookupCode.Candidate("abc", 0));
        Assert.NotEqual(LookupCode.Candidate("abc", 1), LookupCode.Candidate("abc", 0));
        Assert.NotEqual(LookupCode.Candidate("abd", 0), LookupCode.Candidate("abc", 0));
    }

    [Fact]
    public void Parse_ReadsWhatWasTypedInAnyCaseWithHyphensAndSpaces()
    {
        var code = Samples[0];

        Assert.Matches(@"^\w{3}-\w{3}-\w{3}$", code.Display);
        Assert.Equal(code, LookupCode.Parse(code.Display));
        Assert.Equal(code, LookupCode.Parse($" {code.Display.ToLowerInvariant()} "));
        Assert.Equal(code, LookupCode.Parse(string.Join(' ', code.Canonical.ToCharArray())));
    }

    [Fact]
    public void Parse_CatchesEverySingleSubstitutedSymbol()
    {
        foreach (var code in Samples)
        {
            for (var position = 0; position < LookupCode.Length; position++)
            {
                foreach (var symbol in LookupCode.Alphabet.Where(symbol => symbol != code.Canonical[position]))
                {
                    var typo = code.Canonical[..position] + symbol + code.Canonical[(position + 1)..];
                    Assert.Equal(LookupCodeProblem.Check, ProblemOf(typo));
                }
            }
        }
    }

    [Fact]
    public void Parse_CatchesEverySwapOfTwoNeighbours()
    {
        foreach (var code in Samples)
        {
            var text = code.Canonical;
            for (var position = 0; position + 1 < text.Length; position++)
            {
                if (text[position] != text[position + 1])
                {
                    var swapped = text[..position] + text[position + 1] + text[position] + text[(position + 2)..];
                    Assert.Equal(LookupCodeProblem.Check, ProblemOf(swapped));
                }
            }
        }
    }

    [Fact]
    public void Parse_NamesAWrongCheckCharacterInBothLanguages()
    {
        var data = Samples[1].Canonical[..LookupCode.DataLength];
        var wrong = LookupCode.Alphabet.First(symbol => symbol != LookupCode.CheckSymbol(data));

        var invalid = Assert.Throws<InvalidLookupCodeException>(() => LookupCode.Parse(data + wrong));

        Assert.Equal(LookupCodeProblem.Check, invalid.Problem);
        Assert.Contains($"Ký tự kiểm tra \"{wrong}\"", invalid.ReasonVi, StringComparison.Ordinal);
        Assert.Contains($"check character \"{wrong}\"", invalid.ReasonEn, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", LookupCodeProblem.Empty)]
    [InlineData(" - ", LookupCodeProblem.Empty)]
    [InlineData("ABC-DEF", LookupCodeProblem.Length)]
    [InlineData("ABC-DEF-GHJK", LookupCodeProblem.Length)]
    [InlineData("AB0-DEF-GHJ", LookupCodeProblem.Character)]
    [InlineData("ABO-DEF-GHJ", LookupCodeProblem.Character)]
    [InlineData("ABI-DEF-GHJ", LookupCodeProblem.Character)]
    [InlineData("ABC/DEF?GH", LookupCodeProblem.Character)]
    [InlineData("ÂBC-DEF-GHJ", LookupCodeProblem.Character)]
    public void Parse_RefusesEmptyInputWrongLengthAndForeignSymbols(string input, LookupCodeProblem problem) =>
        Assert.Equal(problem, ProblemOf(input));
}
