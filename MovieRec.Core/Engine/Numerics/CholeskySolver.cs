using MathNet.Numerics.Providers.LinearAlgebra;

namespace MovieRec.Core.Engine.Numerics;

/// <summary>
/// Solves A x = b for a symmetric positive definite A by Cholesky on MathNet's linear-algebra
/// provider. MathNet's array routines want arrays of exactly order x order, so this keeps one
/// scratch pair per order it has seen. One instance per thread: it is not thread-safe.
/// </summary>
public sealed class CholeskySolver
{
    static CholeskySolver()
    {
        // The engine runs one solve per thread over many rows; MathNet's own parallel loops
        // inside each small solve would only add scheduling overhead, so they are turned off.
        MathNet.Numerics.Control.UseSingleThread();
    }

    private readonly ILinearAlgebraProvider _provider = LinearAlgebraControl.Provider;
    private readonly Dictionary<int, (double[] Matrix, double[] Rhs)> _scratch = new();

    /// <summary>The name of the provider in use (managed, or a native one when configured).</summary>
    public static string ProviderName => LinearAlgebraControl.Provider.ToString() ?? "unknown";

    /// <summary>Scratch matrix and right-hand side of the given order, to fill before <see cref="Solve"/>.</summary>
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
    /// Factors the buffers' matrix (which must be symmetric and positive definite) and overwrites
    /// the buffers' right-hand side with the solution.
    /// </summary>
    public double[] Solve(int order)
    {
        var (matrix, rhs) = _scratch[order];
        _provider.CholeskyFactor(matrix, order);
        _provider.CholeskySolveFactored(matrix, order, rhs, 1);
        return rhs;
    }
}
