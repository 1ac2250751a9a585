using System.Runtime.CompilerServices;
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
///
/// The sparse products are the cost, so Z = N Y is carried along rather than recomputed: it is
/// zero with Y at the start, and each step that adds alpha d to Y adds alpha (N d) to Z, N d
/// being the first half of that step's product. The starting residual then needs one product,
/// N^T Lambda (W - Z) - lambda_y Y, instead of three; the same quantities, rounded differently.
/// </summary>
internal sealed class SvdPlusPlusStep
{
    /// <summary>CG steps per ALS iteration; warm starts make a few enough (see docs/BENCHMARKS.md).</summary>
    private const int ConjugateGradientSteps = 3;

    private readonly RatingMatrix _ratings;
    private readonly TrainerOptions _options;
    private readonly double[] _userScale;   // s_u
    private readonly double[] _userLambda;  // lambda_u
    private readonly FactorMatrix _offsets;                       // Z = N Y, kept with Y
    private readonly FactorMatrix _userProducts, _userRows;       // N d, and Lambda (N d) or Lambda (W - Z)
    private readonly FactorMatrix _residual, _direction, _applied; // per movie
    private readonly RowBlocks _blocks;
    private readonly double[] _norms, _curvature, _newNorms, _alpha, _minusAlpha, _beta; // per column

    public SvdPlusPlusStep(RatingMatrix ratings, TrainerOptions options)
    {
        _ratings = ratings;
        _options = options;
        int users = ratings.Users.Count, items = ratings.Items.Count, k = options.Rank;
        _userScale = new double[users];
        _userLambda = new double[users];
        for (int u = 0; u < users; u++)
        {
            int n = ratings.ByUser.RowLength(u);
            _userScale[u] = n > 0 ? 1 / Math.Sqrt(n) : 0;
            _userLambda[u] = ExplicitAls.RowLambda(options, n);
        }
        // Y starts at zero, so the first iteration is plain ALS; and Z = N Y with it.
        ImplicitFactors = new FactorMatrix(items, k);
        _offsets = new FactorMatrix(users, k);
        // Work buffers of the conjugate gradient, reused by every iteration.
        _userProducts = new FactorMatrix(users, k);
        _userRows = new FactorMatrix(users, k);
        _residual = new FactorMatrix(items, k);
        _direction = new FactorMatrix(items, k);
        _applied = new FactorMatrix(items, k);
        _blocks = new RowBlocks(items, k, options.EffectiveThreads);
        _norms = new double[k];
        _curvature = new double[k];
        _newNorms = new double[k];
        _alpha = new double[k];
        _minusAlpha = new double[k];
        _beta = new double[k];
    }

    /// <summary>Y: one y_j per item. Only this step changes it (Z is kept to match).</summary>
    public FactorMatrix ImplicitFactors { get; }

    /// <summary>Z = N Y: the centre z_u of each user's ridge (this step's own matrix, kept current with Y).</summary>
    public FactorMatrix UserOffsets() => _offsets;

    /// <summary>
    /// Updates Y (and Z) for the given user rows W (the user step's w_u). The dense work of each
    /// conjugate-gradient step (the vector updates and the column-wise dot products) runs over
    /// fixed blocks of movies in parallel, fused into as few passes as the steps allow
    /// (<see cref="RowBlocks"/>: the sums, and so Y, are the same whatever the thread count).
    /// </summary>
    public void FitImplicitFactors(FactorMatrix w)
    {
        var y = ImplicitFactors;
        int k = y.Rank;
        var byItem = _ratings.ByItem;
        double lambdaY = _options.LambdaY;

        // residual = N^T Lambda W - (N^T Lambda N + lambda_y I) Y = N^T Lambda (W - Z) - lambda_y Y; direction = residual
        ParallelRows.For(w.Rows, _options.EffectiveThreads, () => 0, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (u, _) =>
        {
            var row = _userRows.Row(u);
            w.Row(u).CopyTo(row);
            VectorMath.AddScaled(row, -1, _offsets.Row(u));
            Scale(row, _userLambda[u]);
        });
        _blocks.Run((start, end, partial) =>
        {
            for (int j = start; j < end; j++)
            {
                var r = _residual.Row(j);
                RowSums.Sum(_userRows, byItem.Columns(j), _userScale, r);
                VectorMath.AddScaled(r, -lambdaY, y.Row(j));
                r.CopyTo(_direction.Row(j));
                VectorMath.AddElementProducts(partial, r, r);
            }
        }, _norms);

        for (int step = 0; step < ConjugateGradientSteps; step++)
        {
            // applied = (N^T Lambda N + lambda_y I) d, with N d kept for Z, and the curvature d_c . applied_c
            MultiplyByN(_direction, _userProducts);
            ParallelRows.For(w.Rows, _options.EffectiveThreads, () => 0, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (u, _) =>
            {
                var row = _userRows.Row(u);
                _userProducts.Row(u).CopyTo(row);
                Scale(row, _userLambda[u]);
            });
            _blocks.Run((start, end, partial) =>
            {
                for (int j = start; j < end; j++)
                {
                    var a = _applied.Row(j);
                    var d = _direction.Row(j);
                    RowSums.Sum(_userRows, byItem.Columns(j), _userScale, a);
                    VectorMath.AddScaled(a, lambdaY, d);
                    VectorMath.AddElementProducts(partial, d, a);
                }
            }, _curvature);
            for (int c = 0; c < k; c++)
            {
                _alpha[c] = _curvature[c] > 0 ? _norms[c] / _curvature[c] : 0;
                _minusAlpha[c] = -_alpha[c];
            }
            // y += alpha d and residual -= alpha A d, column by column, with the residual's new norms; Z += alpha N d
            _blocks.Run((start, end, partial) =>
            {
                for (int j = start; j < end; j++)
                {
                    var r = _residual.Row(j);
                    VectorMath.AddScaledElements(y.Row(j), _alpha, _direction.Row(j));
                    VectorMath.AddScaledElements(r, _minusAlpha, _applied.Row(j));
                    VectorMath.AddElementProducts(partial, r, r);
                }
            }, _newNorms);
            for (int u = 0; u < _offsets.Rows; u++) VectorMath.AddScaledElements(_offsets.Row(u), _alpha, _userProducts.Row(u));
            if (step == ConjugateGradientSteps - 1) break; // the last direction would not be used
            for (int c = 0; c < k; c++) _beta[c] = _norms[c] > 0 ? _newNorms[c] / _norms[c] : 0;
            // direction = residual + beta * direction, column by column
            _blocks.Run((start, end) =>
            {
                for (int j = start; j < end; j++) VectorMath.ScaleElementsAndAdd(_direction.Row(j), _beta, _residual.Row(j));
            });
            _newNorms.CopyTo(_norms, 0);
        }
    }

    /// <summary>Row u of the result: s_u sum_{j in R(u)} x_j.</summary>
    private void MultiplyByN(FactorMatrix x, FactorMatrix result)
    {
        var byUser = _ratings.ByUser;
        ParallelRows.For(byUser.RowCount, _options.EffectiveThreads, () => 0, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (u, _) =>
        {
            var row = result.Row(u);
            RowSums.Sum(x, byUser.Columns(u), scales: null, row);
            Scale(row, _userScale[u]);
        });
    }

    private static void Scale(Span<double> row, double scale)
    {
        for (int c = 0; c < row.Length; c++) row[c] *= scale;
    }
}
