using MovieRec.Core.Storage;

namespace MovieRec.Tests.Storage.Contract;

public abstract partial class StoreContractTests
{
    [StoreFact]
    public async Task CreatedUsers_GetIdsAboveEveryImportedId()
    {
        await Store.Users.ImportAsync([ImportedUser.FromDataset(3), ImportedUser.FromDataset(610), ImportedUser.FromDataset(17)]);

        var first = await Store.Users.CreateAsync("alice", "hash-a");
        var second = await Store.Users.CreateAsync("bob", "hash-b");
        await Store.Users.ImportAsync([ImportedUser.FromDataset(5000)]);
        var third = await Store.Users.CreateAsync("carol", "hash-c");

        Assert.Equal([611, 612, 5001], [first.UserId, second.UserId, third.UserId]);
        Assert.Equal(7, await Store.Users.CountAsync());
    }

    [StoreFact]
    public async Task TheFirstUserOfAnEmptyStore_GetsIdOne()
    {
        var user = await Store.Users.CreateAsync("first", null);

        Assert.Equal(1, user.UserId);
    }

    [StoreFact]
    public async Task CreatedUser_ComesBackByIdAndByNameInAnyCase()
    {
        var created = await Store.Users.CreateAsync("Alice", "$hash$", [RoleRules.Admin]);

        var byId = await Store.Users.GetByIdAsync(created.UserId);
        var byName = await Store.Users.GetByNameAsync("aLICE");

        Assert.Equal(created.UserId, byId?.UserId);
        Assert.Equal(created.UserId, byName?.UserId);
        Assert.Equal(("Alice", "$hash$", 0, (DateTimeOffset?)null), (byName!.Username, byName.PasswordHash, byName.FailedLoginCount, byName.LockoutEnd));
        Assert.Equal(["admin"], byName.Roles);
        Assert.True(byName.IsInRole("admin"));
        Assert.True(byName.CanLogIn);
        Assert.InRange(byName.CreatedAt, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Null(await Store.Users.GetByNameAsync("alicia"));
        Assert.Null(await Store.Users.GetByNameAsync(""));
        Assert.Null(await Store.Users.GetByIdAsync(created.UserId + 1));
    }

    [StoreFact]
    public async Task Usernames_AreUniqueWithoutRegardToCase()
    {
        await Store.Users.CreateAsync("Alice", "h");
        await Store.Users.CreateAsync("Émile", "h");

        var error = await Assert.ThrowsAsync<UsernameTakenException>(() => Store.Users.CreateAsync("aLiCe", "h"));
        await Assert.ThrowsAsync<UsernameTakenException>(() => Store.Users.CreateAsync("ÉMILE", "h"));

        Assert.Equal("aLiCe", error.Username);
        Assert.Contains("already taken", error.Message);
        Assert.Equal(2, await Store.Users.CountAsync());
        Assert.True((await Store.Users.CreateAsync("alicia", "h")).UserId > 2);
    }

    public static TheoryData<string> BadUsernames => new()
    {
        "",
        "   ",
        new string('a', UsernameRules.MaxLength + 1),
        "tab\there",
        "line\nbreak",
        "zero\u200Bwidth",
        " leading",
        "trailing ",
    };

    [StoreFact]
    public async Task BadUsernames_AreRefusedAndNothingIsWritten()
    {
        foreach (var name in BadUsernames)
        {
            var error = await Assert.ThrowsAsync<StoreValidationException>(() => Store.Users.CreateAsync(name, "h"));
            Assert.StartsWith("A username", error.Message);
        }
        await Assert.ThrowsAsync<StoreValidationException>(() => Store.Users.ImportAsync([new ImportedUser(7, "ok"), new ImportedUser(8, "bad\u0007")]));
        await Assert.ThrowsAsync<StoreValidationException>(() => Store.Users.ImportAsync([new ImportedUser(0, "zero")]));

        Assert.Equal(0, await Store.Users.CountAsync());
        var longest = await Store.Users.CreateAsync(new string('é', UsernameRules.MaxLength), "h");
        Assert.Equal(UsernameRules.MaxLength, longest.Username.Length);
        Assert.Equal("inner space", (await Store.Users.CreateAsync("inner space", "h")).Username);
    }

    /// <summary>retrain --csv-path tells the CSV's own people (imported) from registered accounts by this.</summary>
    [StoreFact]
    public async Task ImportedUsers_AreDatasetUsers_EvenWithAPassword_AndNoNewAccountCanTakeTheirName()
    {
        await Store.Users.ImportAsync([ImportedUser.FromDataset(5)]);
        await Store.Users.SetPasswordHashAsync(5, "hash");
        var registered = await Store.Users.CreateAsync("carol", "hash-c");

        Assert.True((await Store.Users.GetByIdAsync(5))!.IsDatasetUser);
        Assert.False((await Store.Users.GetByIdAsync(registered.UserId))!.IsDatasetUser);
        var error = await Assert.ThrowsAsync<StoreValidationException>(() => Store.Users.CreateAsync("MovieLens-7", null));
        Assert.Contains("movielens-", error.Message);
    }

    [StoreFact]
    public async Task ImportedUsers_HaveNoPasswordUntilOneIsSet()
    {
        await Store.Users.ImportAsync([ImportedUser.FromDataset(42)]);

        var imported = await Store.Users.GetByIdAsync(42);
        Assert.Equal(("movielens-42", (string?)null, false), (imported?.Username, imported?.PasswordHash, imported?.CanLogIn));
        Assert.Empty(imported!.Roles);

        await Store.Users.SetPasswordHashAsync(42, "new-hash");
        Assert.Equal("new-hash", (await Store.Users.GetByIdAsync(42))?.PasswordHash);
        await Store.Users.SetPasswordHashAsync(42, null);
        Assert.Null((await Store.Users.GetByIdAsync(42))?.PasswordHash);
    }

    [StoreFact]
    public async Task Roles_AreGrantedOnce()
    {
        var user = await Store.Users.CreateAsync("dana", "h");

        await Store.Users.GrantRoleAsync(user.UserId, "admin");
        await Store.Users.GrantRoleAsync(user.UserId, "admin");
        await Store.Users.GrantRoleAsync(user.UserId, "curator");

        Assert.Equal(["admin", "curator"], (await Store.Users.GetByIdAsync(user.UserId))!.Roles);
        await Assert.ThrowsAsync<StoreValidationException>(() => Store.Users.GrantRoleAsync(user.UserId, "Admin!"));
        await Assert.ThrowsAsync<StoreValidationException>(() => Store.Users.CreateAsync("erin", "h", [""]));
        Assert.Null(await Store.Users.GetByNameAsync("erin"));
    }

    [StoreFact]
    public async Task FailedLogins_CountUpAndResetOnSuccess()
    {
        var user = await Store.Users.CreateAsync("frank", "h");
        var lockoutEnd = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.AddMinutes(15).ToUnixTimeMilliseconds());

        Assert.Equal(1, await Store.Users.RecordFailedLoginAsync(user.UserId));
        Assert.Equal(2, await Store.Users.RecordFailedLoginAsync(user.UserId));
        Assert.Equal(3, await Store.Users.RecordFailedLoginAsync(user.UserId));
        await Store.Users.SetLockoutEndAsync(user.UserId, lockoutEnd);

        var locked = await Store.Users.GetByIdAsync(user.UserId);
        Assert.Equal((3, (DateTimeOffset?)lockoutEnd), (locked!.FailedLoginCount, locked.LockoutEnd));
        Assert.True(locked.IsLockedOut(DateTimeOffset.UtcNow));

        await Store.Users.RecordSuccessfulLoginAsync(user.UserId);
        var unlocked = await Store.Users.GetByIdAsync(user.UserId);
        Assert.Equal((0, (DateTimeOffset?)null), (unlocked!.FailedLoginCount, unlocked.LockoutEnd));

        await Store.Users.SetLockoutEndAsync(user.UserId, lockoutEnd);
        await Store.Users.SetLockoutEndAsync(user.UserId, null);
        Assert.Null((await Store.Users.GetByIdAsync(user.UserId))!.LockoutEnd);
    }

    [StoreFact]
    public async Task ConcurrentFailedLogins_AreAllCounted()
    {
        var user = await Store.Users.CreateAsync("gina", "h");

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 10; i++)
                await Store.Users.RecordFailedLoginAsync(user.UserId);
        })));

        Assert.Equal(80, (await Store.Users.GetByIdAsync(user.UserId))!.FailedLoginCount);
    }

    [StoreFact]
    public async Task UpdatesOfAnUnknownUser_AreRefused()
    {
        await Assert.ThrowsAsync<StoreValidationException>(() => Store.Users.SetPasswordHashAsync(99, "h"));
        await Assert.ThrowsAsync<StoreValidationException>(() => Store.Users.GrantRoleAsync(99, "admin"));
        await Assert.ThrowsAsync<StoreValidationException>(() => Store.Users.RecordFailedLoginAsync(99));
        await Assert.ThrowsAsync<StoreValidationException>(() => Store.Users.RecordSuccessfulLoginAsync(99));
        var error = await Assert.ThrowsAsync<StoreValidationException>(() => Store.Users.SetLockoutEndAsync(99, DateTimeOffset.UtcNow));

        Assert.Equal("There is no user with id 99.", error.Message);
        Assert.Equal(0, await Store.Users.CountAsync());
    }

    [StoreFact]
    public async Task ImportingTheSameUsersTwice_AddsThemOnce()
    {
        var users = Enumerable.Range(1, 50).Select(ImportedUser.FromDataset).ToArray();

        var first = await Store.Users.ImportAsync(users);
        var second = await Store.Users.ImportAsync(users.Reverse().Append(users[0]));

        Assert.Equal(new ImportCounts(50, 0), first);
        Assert.Equal(new ImportCounts(0, 51), second);
        Assert.Equal(50, await Store.Users.CountAsync());
    }

    [StoreFact]
    public async Task ImportClashingWithAnotherAccount_IsRefusedWhole()
    {
        await Store.Users.ImportAsync([ImportedUser.FromDataset(5)]);
        var bob = await Store.Users.CreateAsync("bob", "h");

        var idHeld = await Assert.ThrowsAsync<StoreValidationException>(() =>
            Store.Users.ImportAsync([ImportedUser.FromDataset(4), new ImportedUser(5, "not-movielens-5")]));
        await Assert.ThrowsAsync<UsernameTakenException>(() =>
            Store.Users.ImportAsync([ImportedUser.FromDataset(4), new ImportedUser(50, "BOB")]));
        await Assert.ThrowsAsync<StoreValidationException>(() =>
            Store.Users.ImportAsync([new ImportedUser(60, "twin"), new ImportedUser(60, "other twin")]));

        Assert.Contains("User id 5 already belongs to 'movielens-5'", idHeld.Message);
        Assert.Equal(2, await Store.Users.CountAsync());
        Assert.Null(await Store.Users.GetByIdAsync(4));
        Assert.Equal(bob.UserId, (await Store.Users.GetByNameAsync("BOB"))?.UserId);
    }
}
