using MovieRec.Core.Evaluation;
using MovieRec.Core.Ratings;
using static MovieRec.Tests.Evaluation.TinyData;

namespace MovieRec.Tests.Evaluation;

public class EvaluationDataTests
{
    private static EvaluationData Build() => new(
        trainRatings:
        [
            R(1, 30, 4), R(1, 10, 2), // user 1 rated 10 and 30
            R(2, 10, 5),
            R(2, 99, 3), // movie 99 is not in the movies file
        ],
        testRatings:
        [
            R(1, 20, 4.0), // exactly the threshold: relevant
            R(1, 40, 3.5), // below: not relevant
            R(2, 20, 3.0), // user 2 has no relevant item: not evaluated
            R(5, 40, 5.0), // user 5 is not in train but is evaluated
        ],
        movies: [M(40, "Drama"), M(10, "Comedy", "Drama"), M(20), M(30, "Action")],
        scale: RatingScale.HalfStars);

    [Fact]
    public void Counts_train_ratings_per_movie_and_distinct_train_users()
    {
        EvaluationData data = Build();
        Assert.Equal(2, data.TrainCount(10)); // users 1 and 2
        Assert.Equal(1, data.TrainCount(30));
        Assert.Equal(0, data.TrainCount(20));
        Assert.Equal(0, data.TrainCount(99)); // outside the movies file: never a candidate
        Assert.Equal(2, data.TrainUserCount); // users 1, 2
    }

    [Fact]
    public void Relevant_items_are_test_ratings_of_at_least_four()
    {
        EvaluationData data = Build();
        Assert.Equal([20], data.RelevantMovies(1).Order());
        Assert.Empty(data.RelevantMovies(2));
        Assert.Equal([1, 5], data.EvaluatedUsers);
        Assert.Equal(4, data.TestRatings.Length);
    }

    [Fact]
    public void Candidates_are_the_movies_file_minus_the_users_train_ratings()
    {
        EvaluationData data = Build();
        var buffer = new int[data.CatalogSize];

        // catalog {10, 20, 30, 40}; user 1 rated 10 and 30 in train
        int count = data.WriteCandidates(1, buffer);
        Assert.Equal([20, 40], buffer[..count]);

        // user 2 rated 10 and 99 (99 is not in the catalog, so only 10 goes)
        count = data.WriteCandidates(2, buffer);
        Assert.Equal([20, 30, 40], buffer[..count]);

        // a user unknown to train keeps the whole catalog
        count = data.WriteCandidates(5, buffer);
        Assert.Equal([10, 20, 30, 40], buffer[..count]);
    }

    [Fact]
    public void Keeps_train_movies_per_user_as_a_sorted_set()
    {
        EvaluationData data = Build();
        Assert.Equal([10, 30], data.TrainMovies(1).ToArray());
        Assert.True(data.RatedInTrain(1, 30));
        Assert.False(data.RatedInTrain(1, 20));
        Assert.True(data.TrainMovies(5).IsEmpty);
    }

    [Fact]
    public void Keeps_genre_sets_and_the_catalog_in_id_order()
    {
        EvaluationData data = Build();
        Assert.Equal([10, 20, 30, 40], data.CatalogMovieIds.ToArray());
        Assert.True(data.Genres(10).SetEquals(["Comedy", "Drama"]));
        Assert.Empty(data.Genres(20));
        Assert.Empty(data.Genres(12345));
    }
}
