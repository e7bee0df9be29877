using Marsad.Monitoring;

namespace Marsad.Tests;

public sealed class RobotsTests
{
    private const string Text = """
        User-agent: *
        Disallow: /private/
        Allow: /private/press/
        Disallow: /*.pdf$

        User-agent: Marsad
        Disallow: /archive/
        """;

    [Theory]
    [InlineData("*", "/private/x", false)]
    [InlineData("*", "/private/press/x", true)]
    [InlineData("*", "/files/a.pdf", false)]
    [InlineData("*", "/files/a.pdf?x", true)]
    [InlineData("*", "/archive/1", true)]
    [InlineData("Marsad", "/archive/1", false)]
    [InlineData("Marsad", "/private/x", true)]
    public void The_group_of_the_product_token_else_star_and_the_longest_rule_decide(string token, string path, bool allowed) =>
        Assert.Equal(allowed, Robots.Parse(Text, token == "*" ? "SomeoneElse" : token).Allows(path));

    [Fact]
    public void No_rules_allow_everything() => Assert.True(Robots.Parse("", "Marsad").Allows("/anything"));
}
