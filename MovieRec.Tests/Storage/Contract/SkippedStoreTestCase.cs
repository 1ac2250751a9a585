using Xunit.Abstractions;
using Xunit.Sdk;

namespace MovieRec.Tests.Storage.Contract;

/// <summary>A contract test that cannot run here, reported as skipped with its reason.</summary>
public sealed class SkippedStoreTestCase : XunitTestCase
{
    private string _reason = "";

    [Obsolete("For the xunit deserializer only.")]
    public SkippedStoreTestCase()
    {
    }

    public SkippedStoreTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay display, TestMethodDisplayOptions displayOptions, ITestMethod testMethod, string reason)
        : base(diagnosticMessageSink, display, displayOptions, testMethod)
    {
        _reason = reason;
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute) => _reason;

    // The runner prints skip reasons only at detailed verbosity; in the name, the reason shows in
    // every "Skipped ..." line of a plain `dotnet test`.
    protected override string GetDisplayName(IAttributeInfo factAttribute, string displayName) =>
        $"{base.GetDisplayName(factAttribute, displayName)} [{_reason}]";

    public override void Serialize(IXunitSerializationInfo data)
    {
        base.Serialize(data);
        data.AddValue("Reason", _reason);
    }

    public override void Deserialize(IXunitSerializationInfo data)
    {
        _reason = data.GetValue<string>("Reason");
        base.Deserialize(data);
    }
}
