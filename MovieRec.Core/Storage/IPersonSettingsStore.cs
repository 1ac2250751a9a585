using MovieRec.Core.Recommending;

namespace MovieRec.Core.Storage;

/// <summary>
/// What a person chose about their picks: the familiar/new step (<see cref="FamiliarNew"/>), their
/// favourite genres (from the first-steps flow, in the order chosen) and whether they finished or
/// skipped that flow.
/// </summary>
public sealed record PersonSettings(int FamiliarNewStep, IReadOnlyList<string> FavouriteGenres, bool OnboardingDone)
{
    /// <summary>At most this many favourite genres are kept (MovieLens has about twenty).</summary>
    public const int MaxFavouriteGenres = 25;

    /// <summary>A favourite genre's name has at most this many characters.</summary>
    public const int MaxGenreLength = 64;

    /// <summary>What a person has before they choose anything.</summary>
    public static PersonSettings Default { get; } = new(FamiliarNew.DefaultStep, [], false);
}

/// <summary>
/// Each person's <see cref="PersonSettings"/>, one record per person. Reading a person who never
/// saved any gives <see cref="PersonSettings.Default"/>; saving replaces the whole record. An unknown
/// person or a setting out of range is refused with <see cref="StoreValidationException"/> and
/// nothing is written.
/// </summary>
public interface IPersonSettingsStore
{
    Task<PersonSettings> GetAsync(int userId, CancellationToken cancellationToken = default);

    Task SaveAsync(int userId, PersonSettings settings, CancellationToken cancellationToken = default);
}
