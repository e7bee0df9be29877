using Marsad.Text;

namespace Marsad.Tests.Text;

public sealed class TokenizerTests
{
    private static string[] Tokens(string text) =>
        [.. Tokenizer.Tokenize(text).Select(t => $"{t.Kind}:{text[t.Start..t.End]}")];

    [Fact]
    public void Digits_glued_to_letters_come_apart() =>
        Assert.Equal(["Word:و", "Number:2100", "Word:عنصر"], Tokens("و2100عنصر"));

    [Fact]
    public void Article_glued_to_digits_comes_apart() =>
        Assert.Equal(["Word:ال", "Number:24"], Tokens("ال24"));

    [Fact]
    public void Thousands_separators_stay_inside_a_number() =>
        Assert.Equal(["Number:26,950"], Tokens("26,950"));

    [Fact]
    public void A_decimal_point_stays_inside_a_number() =>
        Assert.Equal(["Number:1.5", "Word:مليون"], Tokens("1.5 مليون"));

    [Fact]
    public void A_comma_after_a_number_ends_the_number() =>
        Assert.Equal(["Number:86", "Punctuation:،", "Word:من"], Tokens("86، من"));

    [Fact]
    public void Spaces_group_thousands_only_in_groups_of_three() =>
        Assert.Equal(["Number:1 414 021 100"], Tokens("1 414 021 100"));

    [Fact]
    public void Two_numbers_with_a_space_stay_two_when_the_second_is_not_a_group_of_three() =>
        Assert.Equal(["Number:24", "Number:48"], Tokens("24 48"));

    [Fact]
    public void Several_dots_make_a_sequence_of_numbers() =>
        Assert.Equal(["Number:192", "Punctuation:.", "Number:168", "Punctuation:.", "Number:1", "Punctuation:.", "Number:2"], Tokens("192.168.1.2"));

    [Fact]
    public void Line_breaks_are_tokens() =>
        Assert.Equal(["Word:عنوان", "LineBreak:\n", "Word:نص"], Tokens("عنوان\nنص"));
}
