using Microsoft.Extensions.Logging.Abstractions;
using MovieRec.Core.Catalog;
using MovieRec.Core.Ratings;
using MovieRec.Core.Storage;
using MovieRec.Core.Storage.Sqlite;
using MovieRec.Web.Recommendations;

namespace MovieRec.Tests.Web;

/// <summary>
/// A person's kept state and finished picks (<see cref="MovieRec.Web.People.PersonStates"/>): shared
/// while nothing of theirs is written, read afresh after any write, including one made through
/// another store instance over the same data (what a second app instance or a command does).
/// </summary>
public sealed class PersonStatesTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("movierec-people-").FullName;
    private SqliteMovieRecStore _store = null!;
    private SqliteMovieRecStore _otherInstance = null!;
    private int _person;

    public async Task InitializeAsync()
    {
        string path = Path.Combine(_folder, "db.sqlite");
        _store = await SqliteMovieRecStore.OpenAsync(path, NullLoggerFactory.Instance);
        _otherInstance = await SqliteMovieRecStore.OpenAsync(path, NullLoggerFactory.Instance);
        await _store.Movies.UpsertManyAsync(TinyMovieLens.Movies.Select(m => new Movie(m.Id, m.Title, null, m.Genres.Split('|'))));
        _person = (await _store.Users.CreateAsync("person", null)).UserId;
        await _store.Ratings.UpsertAsync(new Rating(_person, 1, 5, 1));
        await _store.Ratings.UpsertAsync(new Rating(_person, 2, 4.5f, 2));
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        await _otherInstance.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_state_is_shared_until_any_instance_writes_then_it_is_read_afresh()
    {
        using var people = WebParts.People(_store);
        var first = await people.OfAsync(_person);
        Assert.Same(first, await people.OfAsync(_person));

        await _otherInstance.Ratings.UpsertAsync(new Rating(_person, 3, 2, 3));
        var afterRating = await people.OfAsync(_person);
        Assert.NotSame(first, afterRating);
        Assert.Contains(afterRating.Ratings, r => r.MovieId == 3);

        await _otherInstance.PersonLists.AddAsync(_person, PersonList.Hidden, 4);
        var afterHiding = await people.OfAsync(_person);
        Assert.True(afterHiding.Hidden.Contains(4));

        await _otherInstance.PersonLists.AddAsync(_person, PersonList.WatchList, 5);
        Assert.Contains(5, (await people.OfAsync(_person)).WatchList);

        await _otherInstance.PersonSettings.SaveAsync(_person, PersonSettings.Default with { FamiliarNewStep = 5 });
        Assert.Equal(5, (await people.OfAsync(_person)).Settings.FamiliarNewStep);

        await _otherInstance.Ratings.DeleteAsync(_person, 3);
        Assert.DoesNotContain((await people.OfAsync(_person)).Ratings, r => r.MovieId == 3);
    }

    [Fact]
    public async Task A_state_is_kept_no_longer_than_the_movie_records_in_its_answers()
    {
        var clock = new ManualClock();
        using var people = WebParts.People(_store, clock);
        var first = await people.OfAsync(_person);

        clock.Advance(TimeSpan.FromSeconds(299));
        Assert.Same(first, await people.OfAsync(_person));
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.NotSame(first, await people.OfAsync(_person));
    }

    [Fact]
    public async Task Repeated_picks_are_the_same_finished_list_until_a_write_and_never_show_what_was_rated_or_hidden_since()
    {
        var holder = WebParts.Serving(TinyMovieLens.TrainModel(), _folder);
        using var cache = WebParts.Cache(holder);
        using var people = WebParts.People(_store);
        var picks = new PersonalPicks(people, holder, new MovieDetailsCache(_store, cache), WebParts.Metrics(holder), WebParts.Experiments(_store, holder));

        var first = await picks.ForUserAsync(_person, 5);
        Assert.NotNull(first);
        Assert.Same(first, await picks.ForUserAsync(_person, 5));
        Assert.NotSame(first, await picks.ForUserAsync(_person, 4));

        int top = first[0].Movie.MovieId;
        await _otherInstance.Ratings.UpsertAsync(new Rating(_person, top, 3, 9));
        var afterRating = await picks.ForUserAsync(_person, 5);
        Assert.DoesNotContain(afterRating!, p => p.Movie.MovieId == top);

        int next = afterRating![0].Movie.MovieId;
        await _otherInstance.PersonLists.AddAsync(_person, PersonList.Hidden, next);
        Assert.DoesNotContain((await picks.ForUserAsync(_person, 5))!, p => p.Movie.MovieId == next);
    }
}
