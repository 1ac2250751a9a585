using System.ComponentModel.DataAnnotations;

namespace MovieRec.Web.Configuration;

/// <summary>The "Data" section: Data:DatasetPath, the MovieLens folder imported on first run and merged by retrain.</summary>
public sealed class DataSettings
{
    public const string SectionName = "Data";
    public const string DefaultDatasetPath = "data/ml-latest-small";

    [Required(AllowEmptyStrings = false, ErrorMessage = "Data:DatasetPath is empty: name the MovieLens folder, for example data/ml-latest-small.")]
    public string DatasetPath { get; set; } = DefaultDatasetPath;
}
