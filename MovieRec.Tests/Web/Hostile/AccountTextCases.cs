using static MovieRec.Tests.Web.Hostile.Expected;
using static MovieRec.Tests.Web.Hostile.HostileRequests;

namespace MovieRec.Tests.Web.Hostile;

/// <summary>
/// Hostile usernames and passwords in the register and login forms: empty, over-long, invisible
/// and look-alike Unicode, markup, SQL. Every one is refused with the form shown again (200) and an
/// error in its alert; nothing is registered.
/// </summary>
public static class AccountTextCases
{
    private const string NoMatch = "do not match";
    private const string Invisible = "invisible characters";
    private const string Differ = "The two passwords differ.";
    private const string Zalgo = "Z\u0351\u0352\u0353a\u0300\u0301\u0302l\u0303go";

    public static IEnumerable<HostileCase> All =>
    [
        new("register with an empty username", app => app.RegisterAsync(""), FormAgain("cannot be empty")),
        new("register with a username of spaces", app => app.RegisterAsync("   "), FormAgain("cannot be empty")),
        new("register with a 65-character username", app => app.RegisterAsync(new string('a', 65)), FormAgain("at most 64")),
        new("register with a 1 MB username (huge form field)", app => app.RegisterAsync(new string('a', 1_000_000)), FormAgain("at most 64")),
        new("register with a right-to-left override (U+202E) in the username", app => app.RegisterAsync("admin\u202Egnp.exe"), FormAgain(Invisible)),
        new("register with a zero-width joiner in the username", app => app.RegisterAsync("ad\u200Dmin"), FormAgain(Invisible)),
        new("register with an emoji family (joined by ZWJ) as username", app => app.RegisterAsync("\U0001F468\u200D\U0001F469\u200D\U0001F467"), FormAgain(Invisible)),
        new("register with combining marks piled on the username", app => app.RegisterAsync(Zalgo, confirm: "not the same"),
            FormAgain(Differ).ShownEncoded(Zalgo)),
        new("register with a script tag as username", app => app.RegisterAsync(Script, confirm: "not the same"),
            FormAgain(Differ).ShownEncoded(Script)),
        new("register with SQL quotes as username", app => app.RegisterAsync(DropTable, confirm: "not the same"),
            FormAgain(Differ).ShownEncoded(DropTable)),
        new("register with a script tag as password", app => app.RegisterAsync("markup-password", Script, confirm: Script + "!"),
            FormAgain(Differ).NeverRaw(Script)),
        new("register with a 200-character password", app => app.RegisterAsync("long-password", new string('p', 200)), FormAgain("at most 128")),
        new("register with an empty password", app => app.RegisterAsync("no-password", ""), FormAgain("at least 8")),
        new("log in with an empty username", app => app.LogInAsync(""), FormAgain("Enter your username and password.")),
        new("log in with a 1 MB username (huge form field)", app => app.LogInAsync(new string('a', 1_000_000)), FormAgain(NoMatch)),
        new("log in with a 1 MB password (huge form field)", app => app.LogInAsync(HostileAppFixture.ReturnerName, new string('p', 1_000_000)),
            FormAgain("Enter your username and password.")),
        new("log in as ' OR 1=1 --", app => app.LogInAsync(OrOneEqualsOne), FormAgain(NoMatch).ShownEncoded(OrOneEqualsOne)),
        new("log in as \"; DROP TABLE ratings; --", app => app.LogInAsync(DropTable), FormAgain(NoMatch).ShownEncoded(DropTable)),
        new("log in with password ' OR 1=1 --", app => app.LogInAsync(HostileAppFixture.ReturnerName, OrOneEqualsOne + "xxxx"), FormAgain(NoMatch)),
        new("log in with a script tag as username", app => app.LogInAsync(Script), FormAgain(NoMatch).ShownEncoded(Script)),
        new("log in with a script tag as password", app => app.LogInAsync("nobody-here", Script), FormAgain(NoMatch).NeverRaw(Script)),
        new("log in with an emoji username", app => app.LogInAsync("\U0001F3AC\U0001F37F"), FormAgain(NoMatch)),
        new("log in with a right-to-left override in the username", app => app.LogInAsync("admin\u202E"), FormAgain(NoMatch)),
        new("log in with a script tag as returnUrl and a wrong password", app => app.LogInAsync("nobody-here", "wrong password", Script),
            FormAgain(NoMatch).ShownEncoded(Script)),
    ];
}
