using MovieRec.Core.Engine;
using MovieRec.Core.Engine.Scoring;
using MovieRec.Core.Recommending;
using MovieRec.Tests.Engine;

namespace MovieRec.Tests.Recommending;

public class FoldInCacheTests
{
    private static UserProfile Marker(double bias) => new(bias, null, null, 0);

    [Fact]
    public void The_same_ratings_are_folded_in_once_and_any_change_folds_in_again()
    {
        var cache = new FoldInCache();
        int computed = 0;
        UserProfile Compute() => Marker(++computed);
        PersonRating[] ratings = [new(1, 4), new(2, 3.5), new(3, 5)];

        var first = cache.GetOrCompute(7, ratings, Compute);
        Assert.Same(first, cache.GetOrCompute(7, ratings.ToArray(), Compute)); // an equal list, not the same object
        Assert.Equal(1, computed);

        // A new rating, a changed value, a deleted rating, another order: each is a miss.
        var added = cache.GetOrCompute(7, [.. ratings, new(4, 2)], Compute);
        Assert.Equal(2, computed);
        cache.GetOrCompute(7, [new(1, 4), new(2, 3.0), new(3, 5)], Compute);
        Assert.Equal(3, computed);
        cache.GetOrCompute(7, [new(1, 4), new(3, 5)], Compute);
        Assert.Equal(4, computed);
        cache.GetOrCompute(7, [new(3, 5), new(1, 4)], Compute);
        Assert.Equal(5, computed);
        Assert.NotSame(first, added);
        Assert.Equal(1, cache.Hits);
        Assert.Equal(5, cache.Misses);

        // Another person with the same ratings has their own entry.
        cache.GetOrCompute(8, [new(3, 5), new(1, 4)], Compute);
        Assert.Equal(6, computed);
    }

    [Fact]
    public void The_least_recently_used_person_leaves_first_when_people_or_ratings_run_over()
    {
        var cache = new FoldInCache(maxPeople: 2, maxRatings: 5);
        int computed = 0;
        UserProfile Compute() => Marker(++computed);
        PersonRating[] two = [new(1, 4), new(2, 3)];

        cache.GetOrCompute(1, two, Compute);
        cache.GetOrCompute(2, two, Compute);
        cache.GetOrCompute(1, two, Compute); // 1 is now the most recent
        cache.GetOrCompute(3, two, Compute); // evicts 2
        Assert.Equal(3, computed);
        cache.GetOrCompute(1, two, Compute);
        Assert.Equal(3, computed);
        cache.GetOrCompute(2, two, Compute);
        Assert.Equal(4, computed);
        Assert.Equal(2, cache.Count);

        // Over the ratings bound: three people of two ratings do not fit in five; six ratings never fit.
        cache.GetOrCompute(9, [new(1, 1), new(2, 2), new(3, 3), new(4, 4), new(5, 5), new(6, 1)], Compute);
        Assert.Equal(2, cache.Count);
        cache.GetOrCompute(9, [new(1, 1), new(2, 2), new(3, 3), new(4, 4), new(5, 5), new(6, 1)], Compute);
        Assert.Equal(6, computed);
    }

    [Fact]
    public void A_cached_profile_of_the_served_recommender_equals_a_fresh_fold_in()
    {
        var ratings = ExplicitAlsTests.SyntheticRatings(users: 60, items: 50, perUser: 12, seed: 3);
        var model = ModelTrainer.Train(ratings, new TrainerOptions { Rank = 4, Iterations = 2, RankingRank = 5, RankingIterations = 2, Threads = 1 });
        var served = new ServedRecommender(new Recommender(model));
        var own = ratings.Where(r => r.UserId == 5).Select(r => new PersonRating(r.MovieId, r.Value)).ToList();

        var fresh = served.Profile(own);
        var cached = served.Profile(5, own);
        Assert.Same(cached, served.Profile(5, own.ToList()));
        Assert.Equal(fresh.RatingVector, cached.RatingVector);
        Assert.Equal(fresh.RankingVector, cached.RankingVector);

        own.Add(new PersonRating(own.Count > 0 ? ratings.Select(r => r.MovieId).First(id => own.All(o => o.MovieId != id)) : 1, 5));
        var after = served.Profile(5, own);
        Assert.NotSame(cached, after);
        Assert.Equal(served.Profile(own).RankingVector, after.RankingVector);
    }
}
