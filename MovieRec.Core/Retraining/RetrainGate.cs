namespace MovieRec.Core.Retraining;

/// <summary>The verdict on a freshly trained model before it may replace the live one.</summary>
public sealed record GateVerdict(bool Accepted, string Reason);

/// <summary>
/// Refuses a new model that is worse than biases alone, or more than <see cref="AllowedRegression"/>
/// worse in RMSE than the model it would replace, both measured on the same held-out slice.
/// </summary>
public static class RetrainGate
{
    /// <summary>The new model may be at most 2 % worse than the current one.</summary>
    public const double AllowedRegression = 0.02;

    public static GateVerdict Judge(double newRmse, double biasOnlyRmse, double? currentRmse)
    {
        if (!double.IsFinite(newRmse))
            return new GateVerdict(false, "the new model's held-out RMSE is not a number");
        if (newRmse > biasOnlyRmse)
            return new GateVerdict(false, $"the new model's held-out RMSE {newRmse:F4} is worse than biases alone ({biasOnlyRmse:F4})");
        if (currentRmse is { } current && newRmse > current * (1 + AllowedRegression))
            return new GateVerdict(false,
                $"the new model's held-out RMSE {newRmse:F4} is more than {AllowedRegression:P0} worse than the current model's {current:F4}");
        return new GateVerdict(true, currentRmse is { } c
            ? $"held-out RMSE {newRmse:F4} (biases alone {biasOnlyRmse:F4}, current model {c:F4})"
            : $"held-out RMSE {newRmse:F4} (biases alone {biasOnlyRmse:F4}, no current model)");
    }
}
