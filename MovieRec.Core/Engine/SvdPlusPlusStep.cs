using MovieRec.Core.Engine.Numerics;

namespace MovieRec.Core.Engine;

/// <summary>
/// The implicit term of SVD++, fitted by exact alternating solves.
///
/// A user's row is w_u = p_u + z_u with z_u = s_u sum_{j in R(u)} y_j and s_u = |R(u)|^-1/2.
/// The fit of the ratings depends on w_u only, so with W fixed the y_j minimise what is left of
/// the objective, sum_u lambda_u ||w_u - z_u||^2 + lambda_y ||Y||^2: a ridge regression of W on
/// the normalised rated-or-not matrix N (row u is s_u on the movies u rated):
///   (N^T Lambda N + lambda_y I) Y = N^T Lambda W.
/// That matrix is items x items, so it is never formed: conjugate gradient applies it as two
/// sparse products, one independent system per factor column, warm-started from the last Y.
/// </summary>
internal sealed class SvdPlusPlusStep
{
    /// <summary>CG steps per ALS iteration; warm starts make a few enough (see docs/BENCHMARKS.md).</summary>
    private const int ConjugateGradientSteps = 3;

    private readonly RatingMatrix _ratings;
    private readonly TrainerOptions _options;
    private readonly double[] _userScale;   // s_u
    private readonly double[] _userLambda;  // lambda_u
    private readonly FactorMatrix _userRows, _residual, _direction, _applied;

    public SvdPlusPlusStep(RatingMatrix ratings, TrainerOptions options)
    {
        _ratings = ratings;
        _options = options;
        int users = ratings.Users.Count;
        _userScale = new double[users];
        _userLambda = new double[users];
        for (int u = 0; u < users; u++)
        {
            int n = ratings.ByUser.RowLength(u);
            _userScale[u] = n > 0 ? 1 / Math.Sqrt(n) : 0;
            _userLambda[u] = ExplicitAls.RowLambda(options, n);
        }
        // Y starts at zero, so the first iteration is plain ALS.
        ImplicitFactors = new FactorMatrix(ratings.Items.Count, options.Rank);
        // Work buffers of the conjugate gradient, reused by every iteration.
        _userRows = new FactorMatrix(users, options.Rank);
        _residual = new FactorMatrix(ratings.Items.Count, options.Rank);
        _direction = new FactorMatrix(ratings.Items.Count, options.Rank);
        _applied = new FactorMatrix(ratings.Items.Count, options.Rank);
    }

    /// <summary>Y: one y_j per item.</summary>
    public FactorMatrix ImplicitFactors { get; }

    /// <summary>Z = N Y: the centre z_u of each user's ridge.</summary>
    public FactorMatrix UserOffsets()
    {
        var z = new FactorMatrix(_ratings.Users.Count, _options.Rank);
        MultiplyByN(ImplicitFactors, z, scaleByLambda: false);
        return z;
    }

    /// <summary>Updates Y for the given user rows W (the user step's w_u).</summary>
    public void FitImplicitFactors(FactorMatrix w)
    {
        var y = ImplicitFactors;
        int k = y.Rank;
        // residual = N^T Lambda W - (N^T Lambda N + lambda_y I) Y
        ScaleRowsByLambda(w, _userRows);
        MultiplyByNTransposed(_userRows, _residual);
        ApplyNormalMatrix(y, _applied);
        VectorMath.AddScaled(_residual.Data, -1, _applied.Data);
        Array.Copy(_residual.Data, _direction.Data, _residual.Data.Length);
        var residualNorms = ColumnDots(_residual, _residual);

        var alpha = new double[k];
        var beta = new double[k];
        for (int step = 0; step < ConjugateGradientSteps; step++)
        {
            ApplyNormalMatrix(_direction, _applied);
            var curvature = ColumnDots(_direction, _applied);
            for (int c = 0; c < k; c++) alpha[c] = curvature[c] > 0 ? residualNorms[c] / curvature[c] : 0;
            AddColumnScaled(y, alpha, _direction, sign: +1);
            AddColumnScaled(_residual, alpha, _applied, sign: -1);
            var newNorms = ColumnDots(_residual, _residual);
            for (int c = 0; c < k; c++) beta[c] = residualNorms[c] > 0 ? newNorms[c] / residualNorms[c] : 0;
            // direction = residual + beta * direction, column by column
            for (int row = 0; row < _direction.Rows; row++)
            {
                var d = _direction.Row(row);
                var r = _residual.Row(row);
                for (int c = 0; c < k; c++) d[c] = r[c] + beta[c] * d[c];
            }
            residualNorms = newNorms;
        }
    }

    /// <summary>result = (N^T Lambda N + lambda_y I) X.</summary>
    private void ApplyNormalMatrix(FactorMatrix x, FactorMatrix result)
    {
        MultiplyByN(x, _userRows, scaleByLambda: true);
        MultiplyByNTransposed(_userRows, result);
        VectorMath.AddScaled(result.Data, _options.LambdaY, x.Data);
    }

    /// <summary>Row u of the result: s_u (times lambda_u if asked) sum_{j in R(u)} x_j.</summary>
    private void MultiplyByN(FactorMatrix x, FactorMatrix result, bool scaleByLambda)
    {
        var byUser = _ratings.ByUser;
        ParallelRows.For(byUser.RowCount, _options.EffectiveThreads, () => 0, (u, _) =>
        {
            var row = result.Row(u);
            RowSums.Sum(x, byUser.Columns(u), scales: null, row);
            double scale = _userScale[u] * (scaleByLambda ? _userLambda[u] : 1);
            for (int c = 0; c < row.Length; c++) row[c] *= scale;
        });
    }

    /// <summary>Row j of the result: sum_{u who rated j} s_u z_u.</summary>
    private void MultiplyByNTransposed(FactorMatrix z, FactorMatrix result)
    {
        var byItem = _ratings.ByItem;
        ParallelRows.For(byItem.RowCount, _options.EffectiveThreads, () => 0, (j, _) =>
        {
            RowSums.Sum(z, byItem.Columns(j), _userScale, result.Row(j));
        });
    }

    /// <summary>result = Lambda W (each user row times lambda_u).</summary>
    private void ScaleRowsByLambda(FactorMatrix w, FactorMatrix result)
    {
        for (int u = 0; u < w.Rows; u++)
        {
            var source = w.Row(u);
            var target = result.Row(u);
            for (int c = 0; c < source.Length; c++) target[c] = source[c] * _userLambda[u];
        }
    }

    /// <summary>Per column c: sum over rows of a[row, c] * b[row, c], summed in row order.</summary>
    private static double[] ColumnDots(FactorMatrix a, FactorMatrix b)
    {
        var sums = new double[a.Rank];
        for (int row = 0; row < a.Rows; row++)
        {
            var ra = a.Row(row);
            var rb = b.Row(row);
            for (int c = 0; c < sums.Length; c++) sums[c] += ra[c] * rb[c];
        }
        return sums;
    }

    private static void AddColumnScaled(FactorMatrix target, double[] scale, FactorMatrix source, int sign)
    {
        for (int row = 0; row < target.Rows; row++)
        {
            var t = target.Row(row);
            var s = source.Row(row);
            for (int c = 0; c < t.Length; c++) t[c] += sign * scale[c] * s[c];
        }
    }
}
