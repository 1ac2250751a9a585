using Xunit.Abstractions;
using Xunit.Sdk;

namespace MovieRec.Tests.Storage.Contract;

/// <summary>
/// Finds <see cref="StoreFactAttribute"/> tests. The attribute sits on the shared base class, so
/// only here, where the concrete test class is known, can a MongoDB test be told to skip.
/// </summary>
public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        var needsMongo = testMethod.TestClass.Class.GetCustomAttributes(typeof(NeedsMongoServerAttribute)).Any();
        if (needsMongo && MongoTestServer.ConnectionString is null)
            yield return new SkippedStoreTestCase(diagnosticMessageSink, display, displayOptions, testMethod, MongoTestServer.SkipReason);
        else
            yield return new XunitTestCase(diagnosticMessageSink, display, displayOptions, testMethod);
    }
}
