namespace MovieRec.Core.Storage;

/// <summary>How both stores keep an optional figure: a value that is not finite (NaN from an empty slice) is stored as none, so both give back the same record.</summary>
internal static class StoredFigures
{
    public static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
