namespace MovieRec.Web.FirstRun;

/// <summary>First run cannot get the dataset; the message says which setting to change and where the data comes from.</summary>
public sealed class FirstRunException(string message, Exception? inner = null) : Exception(message, inner);
