using MovieRec.Core.Engine;

namespace MovieRec.Core.Retraining;

/// <summary>
/// What to retrain from and where the model goes. The store is the source of ratings; a CSV is
/// merged only when asked.
/// </summary>
/// <param name="CsvPath">A MovieLens folder or ratings file whose ratings are merged with the store's (the store wins); null trains on the store alone.</param>
/// <param name="OutputPath">The model file to write (Model:Path: the active model); when it exists, the new model must pass the gate against it.</param>
/// <param name="Options">Hyper-parameters.</param>
/// <param name="Force">Write even when the gate refuses (--force).</param>
/// <param name="HeldOutShare">The share of ratings kept out of training to judge the model.</param>
/// <param name="CsvUsersAreDatasetUsers">
/// The CSV's user ids name the same people as the store's accounts, registered ones included
/// (--csv-users-are-dataset-users); without it a CSV user id held by a registered account is refused.
/// </param>
public sealed record RetrainRequest(
    string? CsvPath,
    string OutputPath,
    TrainerOptions Options,
    bool Force = false,
    double HeldOutShare = 0.05,
    bool CsvUsersAreDatasetUsers = false);
