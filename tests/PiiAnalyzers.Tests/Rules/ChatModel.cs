namespace PiiAnalyzers.Tests.Rules
{
    /// <summary>
    /// The chat model the PII001 tests share: a visitor with personal and plain members, messages, records, and types
    /// whose attributes come through an interface or an override. Tests append it after their own code.
    /// </summary>
    internal static class ChatModel
    {
        public const string Source = /* lang=c#-test */ """

            namespace Chat
            {
                using System.Collections.Generic;
                using PiiAttributes;

                public partial class Visitor
                {
                    public int Id { get; set; }
                    [PersonalData(Purpose = "support", Category = PersonalDataCategory.Contact)]
                    public string Email { get; set; } = "";
                    [PersonalData(Purpose = "support,billing")]
                    public string Name { get; set; } = "";
                    [PersonalData(Purpose = "analytics", Category = PersonalDataCategory.OnlineIdentifier)]
                    public string IpAddress { get; set; } = "";
                    public string Locale { get; set; } = "en";
                    public List<Message> Messages { get; } = new List<Message>();
                    public string Greeting => "Hello " + Name;
                }

                public class Message
                {
                    [PersonalData(Purpose = "support", Category = PersonalDataCategory.Content)]
                    public string Text { get; set; } = "";
                    public int Length { get; set; }
                }

                public record VisitorRecord([property: PersonalData(Purpose = "support")] string Email, int Id);

                public record PositionalRecord([PersonalData(Purpose = "support")] string Email);

                public class Contact
                {
                    public int Id { get; set; }
                    [PersonalData(Purpose = "support", Category = PersonalDataCategory.Contact)]
                    public string Phone { get; set; } = "";
                }

                public interface IContact
                {
                    [PersonalData(Purpose = "support", Category = PersonalDataCategory.Contact)]
                    string Phone { get; }
                }

                public class ContactCard : IContact
                {
                    public string Phone { get; set; } = "";
                }

                public class Person
                {
                    [PersonalData(Purpose = "billing")]
                    public virtual string Phone { get; set; } = "";
                }

                public class Customer : Person
                {
                    public override string Phone { get; set; } = "";
                }
            }

            """;
    }
}
