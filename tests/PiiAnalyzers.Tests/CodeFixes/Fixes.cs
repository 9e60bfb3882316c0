using PiiAnalyzers.CodeFixes;

namespace PiiAnalyzers.Tests.CodeFixes
{
    // Each fix of PersonalDataSinkAnalyzer's rules is tested on its own; the exported PersonalDataSinkCodeFixProvider
    // offers them all (see PersonalDataSinkCodeFixProviderTests).
    public sealed class RedactFix : RedactPersonalDataCodeFixProvider
    {
    }

    public sealed class RemoveFromLogMessageFix : RemoveFromLogMessageCodeFixProvider
    {
    }

    public sealed class AddConsentCheckFix : AddConsentCheckCodeFixProvider
    {
    }

    public sealed class RequireConsentFromCallersFix : RequireConsentFromCallersCodeFixProvider
    {
    }

    public sealed class ExcludeFromSerializationFix : ExcludeFromSerializationCodeFixProvider
    {
    }

    public sealed class AddRetentionPolicyFix : AddRetentionPolicyCodeFixProvider
    {
    }
}
