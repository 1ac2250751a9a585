using MovieRec.Core.Storage;

namespace MovieRec.Tests.Storage.Contract;

/// <summary>The security stamp: every change that must end an account's sessions gives it a new one.</summary>
public abstract partial class StoreContractTests
{
    [StoreFact]
    public async Task EveryAccount_HasARandomSecurityStamp()
    {
        var created = await Store.Users.CreateAsync("stamped", "h");
        await Store.Users.ImportAsync([ImportedUser.FromDataset(900)]);

        var imported = await Store.Users.GetByIdAsync(900);
        Assert.Matches("^[0-9a-f]{32}$", created.SecurityStamp);
        Assert.Matches("^[0-9a-f]{32}$", imported!.SecurityStamp);
        Assert.NotEqual(created.SecurityStamp, imported.SecurityStamp);
        Assert.Equal(created.SecurityStamp, (await Store.Users.GetByNameAsync("STAMPED"))!.SecurityStamp);
    }

    [StoreFact]
    public async Task PasswordRoleLockoutAndLogoutChanges_RenewTheStamp_WhileLoginCountsDoNot()
    {
        var user = await Store.Users.CreateAsync("renewed", "h");
        var seen = new List<string> { user.SecurityStamp };
        async Task<string> StampAsync() => (await Store.Users.GetByIdAsync(user.UserId))!.SecurityStamp;

        await Store.Users.RecordFailedLoginAsync(user.UserId);
        await Store.Users.RecordSuccessfulLoginAsync(user.UserId);
        await Store.Users.SetLockoutEndAsync(user.UserId, null);
        Assert.Equal(user.SecurityStamp, await StampAsync());

        await Store.Users.SetPasswordHashAsync(user.UserId, "h2");
        seen.Add(await StampAsync());
        await Store.Users.GrantRoleAsync(user.UserId, RoleRules.Admin);
        seen.Add(await StampAsync());
        await Store.Users.RevokeRoleAsync(user.UserId, RoleRules.Admin);
        seen.Add(await StampAsync());
        await Store.Users.SetLockoutEndAsync(user.UserId, DateTimeOffset.UtcNow.AddMinutes(5));
        seen.Add(await StampAsync());
        await Store.Users.RenewSecurityStampAsync(user.UserId);
        seen.Add(await StampAsync());

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Empty((await Store.Users.GetByIdAsync(user.UserId))!.Roles);
    }

    [StoreFact]
    public async Task RevokingARoleNotHeld_IsHarmless_AndUnknownUsersAreRefused()
    {
        var user = await Store.Users.CreateAsync("plain", "h", ["curator"]);

        await Store.Users.RevokeRoleAsync(user.UserId, RoleRules.Admin);

        Assert.Equal(["curator"], (await Store.Users.GetByIdAsync(user.UserId))!.Roles);
        await Assert.ThrowsAsync<StoreValidationException>(() => Store.Users.RevokeRoleAsync(99_999, RoleRules.Admin));
        await Assert.ThrowsAsync<StoreValidationException>(() => Store.Users.RenewSecurityStampAsync(99_999));
    }
}

public abstract partial class StoreContractTests
{
    [StoreFact]
    public async Task ANameTypedWithADecomposedAccent_IsTheSameAccountAsThePrecomposedOne()
    {
        await Store.Users.CreateAsync("\u00C9mile", "h");

        await Assert.ThrowsAsync<UsernameTakenException>(() => Store.Users.CreateAsync("E\u0301mile", "h"));
        Assert.NotNull(await Store.Users.GetByNameAsync("e\u0301MILE"));
    }
}
