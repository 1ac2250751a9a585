using MovieRec.Core.Storage;

namespace MovieRec.Tests.Storage;

public sealed class AccountRulesTests
{
    [Theory]
    [InlineData("alice")]
    [InlineData("Zoë Saldaña")]
    [InlineData("x")]
    [InlineData("user.name-42_")]
    public void AcceptableUsernames_HaveNoProblem(string username) => Assert.Null(UsernameRules.Problem(username));

    [Theory]
    [InlineData(null, "cannot be empty")]
    [InlineData("", "cannot be empty")]
    [InlineData(" \t", "cannot be empty")]
    [InlineData("a\u0000b", "control or invisible")]
    [InlineData("a\u2028b", "control or invisible")]
    [InlineData("a\u00ADb", "control or invisible")]
    [InlineData(" alice", "start or end with a space")]
    [InlineData("alice\u00A0", "start or end with a space")]
    public void BadUsernames_AreExplained(string? username, string problem) => Assert.Contains(problem, UsernameRules.Problem(username));

    [Fact]
    public void UsernameLength_IsCappedAtSixtyFourCharacters()
    {
        Assert.Null(UsernameRules.Problem(new string('a', 64)));
        Assert.Equal("A username can have at most 64 characters; this one has 65.", UsernameRules.Problem(new string('a', 65)));
    }

    [Theory]
    [InlineData("admin", true)]
    [InlineData("curator-2", true)]
    [InlineData("Admin", false)]
    [InlineData("2admin", false)]
    [InlineData("ad min", false)]
    [InlineData("", false)]
    public void RoleNames_AreLowerCaseWords(string role, bool valid) => Assert.Equal(valid, RoleRules.Problem(role) is null);
}
