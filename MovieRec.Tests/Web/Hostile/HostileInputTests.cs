namespace MovieRec.Tests.Web.Hostile;

/// <summary>
/// Issue 5, hostile input: every row is one attack on the pages or the API. Each must be answered
/// as its row says (see <see cref="Answer"/>; never a 5xx), with a message a person can read, hostile
/// text shown back only HTML-encoded, and the store exactly as it was before.
/// </summary>
public class HostileInputTests(HostileAppFixture app) : IClassFixture<HostileAppFixture>
{
    private static readonly Dictionary<string, HostileCase> Cases = new[]
        {
            RatingBodyCases.All, RatingValueCases.All, IdAndPagingCases.All, AccountTextCases.All,
            SearchTextCases.All, ReturnUrlCases.All, ForgeryCases.All,
        }
        .SelectMany(table => table)
        .ToDictionary(c => c.Name); // throws on a duplicate name: every row must be told apart in the output

    private static TheoryData<string> Names(IEnumerable<HostileCase> table) => new(table.Select(c => c.Name));

    public static TheoryData<string> RatingBodies => Names(RatingBodyCases.All);
    public static TheoryData<string> RatingValues => Names(RatingValueCases.All);
    public static TheoryData<string> IdsAndPaging => Names(IdAndPagingCases.All);
    public static TheoryData<string> AccountTexts => Names(AccountTextCases.All);
    public static TheoryData<string> SearchTexts => Names(SearchTextCases.All);
    public static TheoryData<string> ReturnUrls => Names(ReturnUrlCases.All);
    public static TheoryData<string> Forgeries => Names(ForgeryCases.All);

    [Theory, MemberData(nameof(RatingBodies))]
    public Task Rating_body(string attack) => RefusedWithoutHarmAsync(attack);

    [Theory, MemberData(nameof(RatingValues))]
    public Task Rating_value(string attack) => RefusedWithoutHarmAsync(attack);

    [Theory, MemberData(nameof(IdsAndPaging))]
    public Task Id_or_paging(string attack) => RefusedWithoutHarmAsync(attack);

    [Theory, MemberData(nameof(AccountTexts))]
    public Task Account_text(string attack) => RefusedWithoutHarmAsync(attack);

    [Theory, MemberData(nameof(SearchTexts))]
    public Task Search_text(string attack) => RefusedWithoutHarmAsync(attack);

    [Theory, MemberData(nameof(ReturnUrls))]
    public Task Return_url(string attack) => RefusedWithoutHarmAsync(attack);

    [Theory, MemberData(nameof(Forgeries))]
    public Task Forgery(string attack) => RefusedWithoutHarmAsync(attack);

    [Fact]
    public void The_suite_holds_at_least_fifty_attacks() => Assert.True(Cases.Count >= 50, $"only {Cases.Count} attacks");

    private async Task RefusedWithoutHarmAsync(string attack)
    {
        var hostile = Cases[attack];
        var before = await StoreSnapshot.TakeAsync(app.Store, app.VictimId);
        var response = await hostile.Send(app);
        await HostileAssert.AnswerAsync(response, hostile.Expected);
        Assert.Equal(before, await StoreSnapshot.TakeAsync(app.Store, app.VictimId));
    }
}
