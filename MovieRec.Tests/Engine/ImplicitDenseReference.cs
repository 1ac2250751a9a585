using MathNet.Numerics.LinearAlgebra;
using MovieRec.Core.Engine;
using MovieRec.Core.Engine.Scoring;
using MovieRec.Core.Ratings;

namespace MovieRec.Tests.Engine;

/// <summary>
/// The ranking model's user step solved densely by MathNet, independently of the engine's solvers:
/// (Y^T Y + ridge I + sum_i (c_i - 1) y_i y_i^T) x = sum_i c_i y_i over one person's ratings.
/// </summary>
internal static class ImplicitDenseReference
{
    /// <summary>
    /// Asserts that every person's trained ranking vector, and the one fold-in computes from their
    /// ratings, equal the dense solution with <paramref name="ridge"/> (by the person's rating count)
    /// and <paramref name="confidenceMinusOne"/> (by rating). Training must have used exact solves.
    /// </summary>
    public static void AssertTrainedAndFoldedInUserVectors(ModelSnapshot model, IEnumerable<Rating> ratings,
        Func<int, double> ridge, Func<double, double> confidenceMinusOne)
    {
        var ranking = model.Ranking!;
        int k = ranking.Rank;
        var y = Matrix<double>.Build.Dense(model.Items.Count, k, (i, c) => ranking.ItemFactors.Row(i)[c]);
        var gram = y.TransposeThisAndMultiply(y);

        foreach (var person in ratings.GroupBy(r => r.UserId))
        {
            var a = gram + ridge(person.Count()) * Matrix<double>.Build.DenseIdentity(k);
            var b = Vector<double>.Build.Dense(k);
            foreach (var rating in person)
            {
                var yi = y.Row(model.Items.IndexOf(rating.MovieId));
                double weight = confidenceMinusOne(rating.Value);
                a += weight * yi.OuterProduct(yi);
                b += (1 + weight) * yi;
            }
            var dense = a.Solve(b);

            var trained = ranking.UserFactors.Row(model.Users.IndexOf(person.Key)).ToArray();
            var folded = FoldIn.Compute(model, person.Select(r => (r.MovieId, (double)r.Value))).RankingVector!;
            for (int c = 0; c < k; c++)
            {
                Assert.Equal(dense[c], trained[c], 8);
                // Fold-in sums its outer products in single precision.
                Assert.Equal(dense[c], folded[c], 4);
            }
        }
    }
}
