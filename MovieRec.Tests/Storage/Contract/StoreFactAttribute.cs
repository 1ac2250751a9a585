using Xunit.Sdk;

namespace MovieRec.Tests.Storage.Contract;

/// <summary>
/// A contract test, written once in <see cref="StoreContractTests"/> and run by each store's
/// subclass. In a class marked <see cref="NeedsMongoServerAttribute"/> it is reported as skipped,
/// with the reason, when no MongoDB server is configured.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("MovieRec.Tests.Storage.Contract.StoreFactDiscoverer", "MovieRec.Tests")]
public sealed class StoreFactAttribute : FactAttribute;
