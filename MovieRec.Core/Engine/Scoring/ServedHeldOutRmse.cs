using MovieRec.Core.Ratings;

namespace MovieRec.Core.Engine.Scoring;

/// <summary>
/// The held-out RMSE of the rating people are shown: each held-out person folded in from their
/// training ratings (<see cref="FoldIn"/>, as the app folds in a person's stored ratings, without the
/// parts only picks read) and each
/// held-out rating predicted by <see cref="Recommender.PredictRating"/> (the factor model blended
/// with the neighbourhood term, clipped to the scale). A person with no training ratings gets mu + b_i.
/// The model file keeps no one's ratings, so this is measured where the training ratings are: by
/// the trainer (<see cref="TrainingFacts.ServedHeldOutRmse"/>) and by the retrain gate for the model
/// it would replace. The factor formula of the trained user vectors
/// (<see cref="TrainingFacts.HeldOutRmse"/>) leaves the neighbourhood term out.
/// </summary>
public static class ServedHeldOutRmse
{
    /// <summary>NaN when <paramref name="heldOut"/> is empty.</summary>
    public static double Compute(ModelSnapshot model, ReadOnlySpan<Rating> training, IReadOnlyList<Rating> heldOut,
        RatingScale? scale = null, int threads = 0)
    {
        if (heldOut.Count == 0) return double.NaN;
        var people = heldOut.GroupBy(r => r.UserId).ToArray();
        var trainingOf = people.ToDictionary(p => p.Key, _ => new List<(int MovieId, double Rating)>());
        foreach (var rating in training)
            if (trainingOf.TryGetValue(rating.UserId, out var list)) list.Add((rating.MovieId, rating.Value));

        var recommender = new Recommender(model, scale);
        double squares = ParallelRows.Sum(people.Length, threads > 0 ? threads : Environment.ProcessorCount, p =>
        {
            var person = people[p];
            var ratings = trainingOf[person.Key];
            var profile = ratings.Count == 0 ? UserProfile.Empty : FoldIn.ComputeForRatings(model, ratings);
            double sum = 0;
            foreach (var rating in person)
            {
                double error = recommender.PredictRating(profile, rating.MovieId) - rating.Value;
                sum += error * error;
            }
            return sum;
        });
        return Math.Sqrt(squares / heldOut.Count);
    }
}
