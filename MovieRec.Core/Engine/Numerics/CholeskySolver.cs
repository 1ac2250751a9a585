using System.Runtime.CompilerServices;
namespace MovieRec.Core.Engine.Numerics;

/// <summary>
/// Solves A x = b for a symmetric positive definite A by Cholesky (<see cref="Cholesky"/>, checked
/// against MathNet's provider by the tests). Keeps one scratch pair per order it has seen, so the
/// many solves of a training pass allocate nothing. One instance per thread: it is not thread-safe.
/// </summary>
public sealed class CholeskySolver
{
    static CholeskySolver()
    {
        // The engine runs one solve per thread over many rows; MathNet's own parallel loops
        // (still used by the ranking model's shared products) would only add scheduling overhead.
        MathNet.Numerics.Control.UseSingleThread();
    }

    private readonly Dictionary<int, (double[] Matrix, double[] Rhs)> _scratch = new();

    /// <summary>What solves the systems, for the model page.</summary>
    public static string ProviderName => "vectorised Cholesky (reference: MathNet " +
        (MathNet.Numerics.Providers.LinearAlgebra.LinearAlgebraControl.Provider.ToString() ?? "provider") + ")";

    /// <summary>Scratch matrix and right-hand side of the given order, to fill before <see cref="Solve"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public (double[] Matrix, double[] Rhs) Buffers(int order)
    {
        if (!_scratch.TryGetValue(order, out var buffers))
        {
            buffers = (new double[order * order], new double[order]);
            _scratch[order] = buffers;
        }
        return buffers;
    }

    /// <summary>
    /// Factors the buffers' matrix (symmetric positive definite; only its upper triangle is read)
    /// and overwrites the buffers' right-hand side with the solution.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double[] Solve(int order)
    {
        var (matrix, rhs) = _scratch[order];
        Cholesky.FactorUpper(matrix, order);
        Cholesky.SolveFactored(matrix, order, rhs);
        return rhs;
    }
}
