using MovieRec.Core.Engine;
using MovieRec.Web.Configuration;

namespace MovieRec.Web.Models;

/// <summary>
/// <see cref="ModelOptions"/> as the model services use them: the file's full path (relative
/// settings are relative to the folder the app runs in), the poll period and the trainer's options.
/// </summary>
public sealed record ModelSettings(string Path, TimeSpan PollInterval, TrainerOptions TrainingOptions)
{
    public static ModelSettings From(ModelOptions options) =>
        new(System.IO.Path.GetFullPath(options.Path), TimeSpan.FromSeconds(options.PollSeconds), options.Training);
}
