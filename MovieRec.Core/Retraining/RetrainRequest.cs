using MovieRec.Core.Engine;

namespace MovieRec.Core.Retraining;

/// <summary>
/// What to retrain from and where the model goes.
/// </summary>
/// <param name="DatasetPath">A MovieLens folder or ratings file to merge with the store; null with <paramref name="StoreOnly"/>.</param>
/// <param name="StoreOnly">Train on the store's ratings alone (--db-only).</param>
/// <param name="OutputPath">The model file to write; when it exists, the new model must pass the gate to replace it.</param>
/// <param name="Options">Hyper-parameters.</param>
/// <param name="Force">Write even when the gate refuses (--force).</param>
/// <param name="HeldOutShare">The share of merged ratings kept out of training to judge the model.</param>
public sealed record RetrainRequest(
    string? DatasetPath,
    bool StoreOnly,
    string OutputPath,
    TrainerOptions Options,
    bool Force = false,
    double HeldOutShare = 0.05);
