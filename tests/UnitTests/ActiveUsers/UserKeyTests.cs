using System.Text;
using Etransactions.Functions.ActiveUsers.Counting;

namespace Etransactions.UnitTests.ActiveUsers;

public sealed class UserKeyTests
{
    private const string Hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    [Fact]
    public void The_key_is_the_first_64_bits_of_the_hash_in_any_case()
    {
        Assert.True(UserKey.TryParse(Hash, out var key));
        Assert.Equal(0x9f86d081884c7d65UL, key);
        Assert.True(UserKey.TryParse(Encoding.ASCII.GetBytes(Hash.ToUpperInvariant()), out var upper));
        Assert.Equal(key, upper);
    }

    [Theory]
    [InlineData("")]
    [InlineData("9f86d081884c7d65")]
    [InlineData("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a0")]
    [InlineData("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a081")]
    [InlineData("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a0g")]
    [InlineData("+f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")]
    [InlineData("nguyen.van.a@example.vn")]
    public void Anything_but_64_hexadecimal_digits_is_not_a_user(string text)
    {
        Assert.False(UserKey.TryParse(text, out _));
        Assert.False(UserKey.TryParse(Encoding.UTF8.GetBytes(text), out _));
    }
}
