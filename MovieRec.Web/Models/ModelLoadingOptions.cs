using System.ComponentModel.DataAnnotations;

namespace MovieRec.Web.Models;

/// <summary>
/// Model:Loading: limits on loading a model file, so that a hostile or broken file costs a bounded
/// amount of memory and time and never takes the app down.
/// </summary>
public sealed class ModelLoadingOptions
{
    public const string SectionName = "Model:Loading";

    /// <summary>
    /// The largest model file loaded, in bytes; 0 (the default) means a quarter of the memory the
    /// runtime may use (the container limit or DOTNET_GCHeapHardLimit when set): the new model, its
    /// scoring index and the model still serving must fit side by side.
    /// </summary>
    [Range(0, long.MaxValue)]
    public long MaxFileBytes { get; set; }

    /// <summary>How long one load may take before it is given up (the old model keeps serving).</summary>
    [Range(1, 3600)]
    public int TimeoutSeconds { get; set; } = 120;

    public long EffectiveMaxFileBytes => MaxFileBytes > 0 ? MaxFileBytes : GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 4;

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);
}
