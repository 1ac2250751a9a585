namespace MovieRec.Tests.Storage.Contract;

/// <summary>
/// Where the MongoDB half of the contract suite finds a server: the connection string in
/// MOVIEREC_TEST_MONGO. No server is faked; without one the MongoDB tests are reported skipped.
/// </summary>
internal static class MongoTestServer
{
    public const string VariableName = "MOVIEREC_TEST_MONGO";

    public const string SkipReason = "MongoDB contract tests skipped: MOVIEREC_TEST_MONGO is not set";

    public static string? ConnectionString =>
        Environment.GetEnvironmentVariable(VariableName) is { Length: > 0 } value ? value : null;
}

/// <summary>Marks a contract test class whose tests need the MongoDB server of <see cref="MongoTestServer"/>.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class NeedsMongoServerAttribute : Attribute;
