namespace MovieRec.Core.Engine;

/// <summary>How the user and item biases are estimated (both by shrinkage, both then held fixed).</summary>
public enum BiasMode
{
    /// <summary>b_i from r - mu, then b_u from r - mu - b_i (measured better: see docs/BENCHMARKS.md).</summary>
    Sequential,

    /// <summary>The original design: b_i and b_u each from r - mu, independently.</summary>
    FromMu,
}
