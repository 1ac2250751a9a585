namespace MovieRec.Core.Engine;

/// <summary>
/// The bias part of a prediction: mu + b_u + b_i. Arrays are indexed by dense user / item index.
/// </summary>
public sealed record Biases(double Mu, double[] User, double[] Item)
{
    /// <summary>mu plus the biases that are known; an index of -1 means "unknown" and drops its term.</summary>
    public double Predict(int userIndex, int itemIndex) =>
        Mu + (userIndex >= 0 ? User[userIndex] : 0) + (itemIndex >= 0 ? Item[itemIndex] : 0);
}
