using MovieRec.Core.Engine;
using MovieRec.Web.Configuration;

namespace MovieRec.Web.Models;

/// <summary>
/// Model:Path (the file served and watched), Model:PollSeconds (the fallback check's period) and
/// Model:Training (hyper-parameters of the first model trained when there is no file, bound onto
/// <see cref="TrainerOptions"/>; unset means the trainer's defaults).
/// </summary>
public sealed record ModelSettings(string Path, TimeSpan PollInterval, TrainerOptions TrainingOptions)
{
    public const int DefaultPollSeconds = 10;

    public static ModelSettings From(IConfiguration configuration)
    {
        string path = System.IO.Path.GetFullPath(AppConfiguration.ModelPath(configuration));
        int seconds = configuration.GetValue("Model:PollSeconds", DefaultPollSeconds);
        var training = configuration.GetSection("Model:Training");
        var options = training.Exists() ? training.Get<TrainerOptions>() ?? new TrainerOptions() : new TrainerOptions();
        return new ModelSettings(path, TimeSpan.FromSeconds(Math.Max(1, seconds)), options);
    }
}
