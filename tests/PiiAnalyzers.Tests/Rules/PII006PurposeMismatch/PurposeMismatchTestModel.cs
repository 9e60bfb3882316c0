namespace PiiAnalyzers.Tests.Rules.PII006PurposeMismatch
{
    /// <summary>The Visitor the PII006 tests share; they append it after their own code.</summary>
    internal static class PurposeMismatchTestModel
    {
        // Its own shape: the purposes (one, two, none) are what PII006 compares.
        public const string Model = /* lang=c#-test */ """

            public class Visitor
            {
                public int Id { get; set; }
                [PersonalData(Purpose = "support")]
                public string Email { get; set; } = "";
                [PersonalData(Purpose = "support, marketing")]
                public string Phone { get; set; } = "";
                [PersonalData]
                public string Nickname { get; set; } = "";
            }

            """;
    }
}
