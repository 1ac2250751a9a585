using System.ComponentModel.DataAnnotations;
using MovieRec.Core.Engine;

namespace MovieRec.Web.Configuration;

/// <summary>
/// The "Model" section: Model:Path (the file served and watched, and the one retrain writes),
/// Model:PollSeconds (the fallback check's period) and Model:Training:* (the hyper-parameters of
/// the first model, trained when there is no file; unset keys keep the trainer's defaults).
/// </summary>
public sealed class ModelOptions : IValidatableObject
{
    public const string SectionName = "Model";
    public const string DefaultPath = "data/model.bin";
    public const int DefaultPollSeconds = 10;

    [Required(AllowEmptyStrings = false, ErrorMessage = "Model:Path is empty: name the model file, for example data/model.bin.")]
    public string Path { get; set; } = DefaultPath;

    [Range(1, 86_400, ErrorMessage = "Model:PollSeconds must be a whole number of seconds from 1 to 86400.")]
    public int PollSeconds { get; set; } = DefaultPollSeconds;

    public TrainerOptions Training { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        TrainerOptionsValidator.Problems(Training)
            .Select(problem => new ValidationResult($"Model:Training: {problem}.", [nameof(Training)]));
}
