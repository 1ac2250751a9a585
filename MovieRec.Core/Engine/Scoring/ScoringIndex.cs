using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MovieRec.Core.Engine.Scoring;

/// <summary>
/// Single-precision copies of the item side, laid out so that scoring every movie for a person is
/// one pass of dot products over one contiguous array:
///   pick score(u, i)  = x_u . y_i / s_x(u) + beta (b_i + w_u . q_i) / s_r(u)    (beta = the rating weight)
///                     is in the order of [x_u, beta_u w_u, beta_u] . [y_i, q_i, b_i],  beta_u = beta s_x(u) / s_r(u)
/// where s_x(u) and s_r(u) are the spreads of the two scores over all movies for that person
/// (<see cref="ScoreSpread"/>; beta_u = beta when either is 0), and terms that are the same for
/// every movie, mu + b_u, are left out: they do not change the order.
/// Without a ranking model it is the predicted rating itself (beta = 1, no x / y part).
/// Single precision halves the bytes read per request, which is what the latency of a full pass
/// over 87,585 movies is bound by, and the top-N passes read an int8 copy (a quarter) and score
/// only the few rows that may win exactly (<see cref="ExactTopN"/>, same answer to the bit);
/// predictions shown to people are computed in double.
/// Also holds the rows of Q for similar movies: cosine similarity shrunk by how much evidence the
/// neighbour has, cos(q_i, q_j) * n_j / (n_j + <see cref="SimilaritySupportShrinkage"/>). Plain
/// cosine ranks movies with one or two ratings (whose short, noisy vectors point anywhere) next to
/// Star Wars; the shrinkage keeps the neighbours people actually know (docs/BENCHMARKS.md).
/// </summary>
public sealed class ScoringIndex
{
    /// <summary>The rating count at which a neighbour's similarity keeps half its weight.</summary>
    public const double SimilaritySupportShrinkage = 20;

    public ScoringIndex(ModelSnapshot model)
    {
        int rankingRank = model.Ranking?.Rank ?? 0;
        int k = model.Rank;
        Width = rankingRank + k + 1;
        RatingWeight = model.Ranking is null ? 1 : model.Options.RankingRatingWeight;
        int items = model.Items.Count;
        PickRows = new float[items * Width];
        UnitItemFactors = new float[items * k];
        for (int i = 0; i < items; i++)
        {
            var row = PickRows.AsSpan(i * Width, Width);
            if (model.Ranking is { } ranking)
                Copy(ranking.ItemFactors.Row(i), row[..rankingRank]);
            Copy(model.ItemFactors.Row(i), row.Slice(rankingRank, k));
            row[Width - 1] = (float)model.ItemBias[i];

            double norm = model.ItemNorms[i];
            var unit = UnitItemFactors.AsSpan(i * k, k);
            if (norm > 0)
            {
                var q = model.ItemFactors.Row(i);
                double scale = SupportWeight(model.ItemRatingCounts[i]) / norm;
                for (int c = 0; c < k; c++) unit[c] = (float)(q[c] * scale);
            }
        }
        ItemsWithoutFactors = Enumerable.Range(0, items).Where(i => model.ItemNorms[i] == 0).ToArray();
        if (model.Ranking is not null)
        {
            _rankingSpread = new ScoreSpread(PickRows, Width, 0, rankingRank);
            _ratingSpread = new ScoreSpread(PickRows, Width, rankingRank, k + 1);
        }
        RankingRank = rankingRank;
        Rank = k;
        ItemCount = items;
        PickTopN = new ExactTopN(PickRows, Width);
        SimilarTopN = new ExactTopN(UnitItemFactors, k);
    }

    /// <summary>The best picks over <see cref="PickRows"/>: an int8 pass, then the few rows that may win scored exactly.</summary>
    public ExactTopN PickTopN { get; }

    /// <summary>The same over <see cref="UnitItemFactors"/>, for similar movies.</summary>
    public ExactTopN SimilarTopN { get; }

    private readonly ScoreSpread? _rankingSpread;
    private readonly ScoreSpread? _ratingSpread;

    public int Width { get; }
    public int RankingRank { get; }
    public int Rank { get; }
    public int ItemCount { get; }
    public double RatingWeight { get; }

    /// <summary>Row i: [y_i, q_i, b_i] in single precision.</summary>
    public float[] PickRows { get; }

    /// <summary>Row i: q_i / |q_i| * n_i / (n_i + shrinkage) (zeros for a zero vector).</summary>
    public float[] UnitItemFactors { get; }

    /// <summary>Row i of <see cref="UnitItemFactors"/>.</summary>
    public ReadOnlySpan<float> UnitItemFactorRow(int item) => UnitItemFactors.AsSpan(item * Rank, Rank);

    /// <summary>a . b: with rows of <see cref="UnitItemFactors"/>, the support-shrunk cosine.</summary>
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        int vectorWidth = Vector<float>.Count;
        int whole = a.Length / vectorWidth * vectorWidth;
        var acc = Vector<float>.Zero;
        for (int c = 0; c < whole; c += vectorWidth)
            acc = Vector.FusedMultiplyAdd(new Vector<float>(a[c..]), new Vector<float>(b[c..]), acc);
        float sum = Vector.Sum(acc);
        for (int c = whole; c < a.Length; c++) sum += a[c] * b[c];
        return sum;
    }

    /// <summary>n / (n + shrinkage): how far a movie with n ratings is trusted as a neighbour.</summary>
    public static double SupportWeight(int ratingCount) => ratingCount / (ratingCount + SimilaritySupportShrinkage);

    /// <summary>Items whose q_i is zero: cosine similarity says nothing about them.</summary>
    public int[] ItemsWithoutFactors { get; }

    /// <summary>The query matching <see cref="PickRows"/> for a profile.</summary>
    public float[] PickQuery(UserProfile profile)
    {
        var query = new float[Width];
        if (profile.RankingVector is { } x && RankingRank > 0) Copy(x, query.AsSpan(0, RankingRank));
        double weight = PersonalRatingWeight(profile);
        if (profile.RatingVector is { } w)
            for (int c = 0; c < Rank; c++) query[RankingRank + c] = (float)(weight * w[c]);
        query[Width - 1] = (float)weight;
        return query;
    }

    /// <summary>beta_u = beta s_x(u) / s_r(u): the rating weight once both scores are on one scale.</summary>
    public double PersonalRatingWeight(UserProfile profile)
    {
        if (_rankingSpread is null || _ratingSpread is null || profile.RankingVector is not { } x || profile.RatingVector is not { } w) return RatingWeight;
        var withBias = new double[w.Length + 1];
        w.CopyTo(withBias, 0);
        withBias[^1] = 1; // the b_i column
        double rankingSpread = _rankingSpread.Of(x), ratingSpread = _ratingSpread.Of(withBias);
        return rankingSpread > 0 && ratingSpread > 0 ? RatingWeight * rankingSpread / ratingSpread : RatingWeight;
    }

    /// <summary>
    /// gamma_u = gamma s_x(u) / s_e(u): the weight of the person's EASE score e_i in the pick score
    /// as <see cref="PickRows"/> scale it (the ranking score undivided), so that e enters divided by
    /// its own spread over the catalogue with weight gamma (<see cref="TrainerOptions.EaseWeight"/>),
    /// as the predicted rating enters with beta. 0 without EASE scores or a ranking spread.
    /// </summary>
    public double PersonalEaseWeight(UserProfile profile, double easeWeight)
    {
        if (_rankingSpread is null || profile.RankingVector is not { } x || profile.EaseScores is not { } e) return 0;
        double rankingSpread = _rankingSpread.Of(x), easeSpread = Ease.EaseModel.Spread(e, ItemCount);
        return rankingSpread > 0 && easeSpread > 0 ? easeWeight * rankingSpread / easeSpread : 0;
    }

    /// <summary>scores[i] = rows[i] . query for every row of a row-major matrix of the query's width.</summary>
    public static void MultiplyRows(float[] rows, ReadOnlySpan<float> query, Span<float> scores)
    {
        int width = query.Length;
        if (rows.Length < (long)scores.Length * width) throw new ArgumentException("fewer rows than scores");
        ref float start = ref MemoryMarshal.GetArrayDataReference(rows);
        ref float q = ref MemoryMarshal.GetReference(query);
        for (int i = 0; i < scores.Length; i++)
            scores[i] = ExactTopN.RowDot(ref Unsafe.Add(ref start, (nint)i * width), ref q, width);
    }

    private static void Copy(ReadOnlySpan<double> source, Span<float> target)
    {
        for (int c = 0; c < source.Length; c++) target[c] = (float)source[c];
    }
}
