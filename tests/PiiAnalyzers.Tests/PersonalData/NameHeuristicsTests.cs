using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PiiAnalyzers.PersonalData;
using Xunit;

namespace PiiAnalyzers.Tests.PersonalData
{
    /// <summary>The PII008 name heuristic as a table: names that say personal data, and names that must not.</summary>
    public class NameHeuristicsTests
    {
        private static readonly Compilation Compilation = CSharpCompilation.Create("names", references: Verifiers.TestReferences.Framework);

        private static ITypeSymbol String => Compilation.GetSpecialType(SpecialType.System_String);

        [Theory]
        [InlineData("Email", 2)]
        [InlineData("EmailAddress", 2)]
        [InlineData("WorkEmail", 2)]
        [InlineData("email", 2)]
        [InlineData("EMail", 2)]
        [InlineData("contact_email", 2)]
        [InlineData("HomeEmailAddress", 2)]
        [InlineData("Phone", 2)]
        [InlineData("PhoneNumber", 2)]
        [InlineData("MobilePhone", 2)]
        [InlineData("Mobile", 2)]
        [InlineData("MobileNo", 2)]
        [InlineData("Telephone", 2)]
        [InlineData("CellPhone", 2)]
        [InlineData("FirstName", 1)]
        [InlineData("LastName", 1)]
        [InlineData("FullName", 1)]
        [InlineData("GivenName", 1)]
        [InlineData("FamilyName", 1)]
        [InlineData("MiddleName", 1)]
        [InlineData("Surname", 1)]
        [InlineData("firstname", 1)]
        [InlineData("SocialSecurityNumber", 1)]
        [InlineData("Ssn", 1)]
        [InlineData("NationalId", 1)]
        [InlineData("PassportNumber", 1)]
        [InlineData("TaxId", 1)]
        [InlineData("DriversLicenseNumber", 1)]
        [InlineData("DriverLicence", 1)]
        [InlineData("Street", 4)]
        [InlineData("StreetAddress", 4)]
        [InlineData("Address", 4)]
        [InlineData("BillingAddress", 4)]
        [InlineData("AddressLine1", 4)]
        [InlineData("Postcode", 4)]
        [InlineData("PostalCode", 4)]
        [InlineData("ZipCode", 4)]
        [InlineData("Zip", 4)]
        [InlineData("IpAddress", 3)]
        [InlineData("IPAddress", 3)]
        [InlineData("ClientIp", 3)]
        [InlineData("Latitude", 4)]
        [InlineData("Longitude", 4)]
        [InlineData("GeoLocation", 4)]
        [InlineData("CreditCardNumber", 5)]
        [InlineData("CardNumber", 5)]
        [InlineData("Iban", 5)]
        [InlineData("BankAccountNumber", 5)]
        [InlineData("Salary", 5)]
        [InlineData("HealthNote", 7)]
        [InlineData("MedicalHistory", 7)]
        [InlineData("Diagnosis", 7)]
        [InlineData("Ethnicity", 7)]
        [InlineData("Religion", 7)]
        [InlineData("date_of_birth", 1)]
        [InlineData("Username", 1)]
        [InlineData("UserName", 1)]
        [InlineData("userName", 1)]
        [InlineData("NormalizedUserName", 1)]
        [InlineData("Login", 1)]
        [InlineData("LoginName", 1)]
        [InlineData("DisplayName", 1)]
        [InlineData("Givenname", 1)]
        [InlineData("UserAgent", 3)]
        [InlineData("userAgent", 3)]
        [InlineData("RemoteIpAddress", 3)]
        [InlineData("RemoteIp", 3)]
        [InlineData("ClientIpAddress", 3)]
        [InlineData("LastIpAddress", 3)]
        [InlineData("MobileNumber", 2)]
        [InlineData("ipAddress", 3)]
        public void StringNamedLikePersonalData_Matches(string name, int category)
        {
            var term = NameHeuristics.Match(name, String, containingType: null);
            Assert.NotNull(term);
            Assert.Equal(category, term!.Category);
        }

        [Theory]
        [InlineData("EmailTemplateId")]
        [InlineData("EmailTemplate")]
        [InlineData("EmailSubject")]
        [InlineData("EmailBody")]
        [InlineData("EmailProvider")]
        [InlineData("EmailDomain")]
        [InlineData("PhoneFormat")]
        [InlineData("PhoneCountryCode")]
        [InlineData("IsEmailVerified")]
        [InlineData("HasPhone")]
        [InlineData("EnableEmail")]
        [InlineData("SendEmail")]
        [InlineData("Name")]
        [InlineData("ProductName")]
        [InlineData("CompanyName")]
        [InlineData("FileName")]
        [InlineData("UserId")]
        [InlineData("Id")]
        [InlineData("MacAddress")]
        [InlineData("ServerAddress")]
        [InlineData("BaseAddress")]
        [InlineData("ListenAddress")]
        [InlineData("RemoteAddress")]
        [InlineData("FromAddress")]
        [InlineData("HealthCheckUrl")]
        [InlineData("HealthStatus")]
        [InlineData("Title")]
        [InlineData("Description")]
        [InlineData("Locale")]
        [InlineData("TimeZone")]
        [InlineData("Currency")]
        [InlineData("Status")]
        [InlineData("Street2Count")]
        [InlineData("ZipArchivePath")]
        [InlineData("IpRange")]
        [InlineData("CardType")]
        [InlineData("AddressType")]
        [InlineData("SalaryBand")]
        [InlineData("EmailQueueName")]
        [InlineData("PhoneValidator")]
        [InlineData("MaxEmailLength")]
        [InlineData("DisplayOrder")]
        [InlineData("maskedEmail")]
        [InlineData("RedactedPhone")]
        [InlineData("AnonymizedIpAddress")]
        [InlineData("HostName")]
        [InlineData("UserAgentParser")]
        [InlineData("WanAddress")]
        [InlineData("PublicAddress")]
        [InlineData("LanAddress")]
        [InlineData("PeerAddress")]
        [InlineData("LoginProvider")]
        [InlineData("ProviderDisplayName")]
        [InlineData("SchemeDisplayName")]
        [InlineData("ProductFullName")]
        [InlineData("LoginUrl")]
        [InlineData("UserNameFormat")]
        [InlineData("DisplayNameKey")]
        public void StringNamedOtherwise_DoesNotMatch(string name)
        {
            Assert.Null(NameHeuristics.Match(name, String, containingType: null));
        }

        [Theory]
        [InlineData("EmailCount", SpecialType.System_Int32)]
        [InlineData("EmailConfirmed", SpecialType.System_Boolean)]
        [InlineData("PhoneVerificationEnabled", SpecialType.System_Boolean)]
        [InlineData("CreatedAt", SpecialType.System_DateTime)]
        [InlineData("Email", SpecialType.System_Int32)]
        [InlineData("Phone", SpecialType.System_Boolean)]
        [InlineData("Address", SpecialType.System_Object)]
        [InlineData("FirstName", SpecialType.System_DateTime)]
        public void CountsFlagsAndOtherTypes_DoNotMatch(string name, SpecialType type)
        {
            Assert.Null(NameHeuristics.Match(name, Compilation.GetSpecialType(type), containingType: null));
        }

        [Theory]
        [InlineData("DateOfBirth")]
        [InlineData("BirthDate")]
        [InlineData("Birthday")]
        [InlineData("Dob")]
        public void BirthDates_MatchAsDatesAndStrings(string name)
        {
            Assert.NotNull(NameHeuristics.Match(name, Compilation.GetSpecialType(SpecialType.System_DateTime), containingType: null));
            Assert.NotNull(NameHeuristics.Match(name, String, containingType: null));
            var nullableDate = Compilation.GetSpecialType(SpecialType.System_Nullable_T).Construct(Compilation.GetSpecialType(SpecialType.System_DateTime));
            Assert.NotNull(NameHeuristics.Match(name, nullableDate, containingType: null));
        }

        [Theory]
        [InlineData("SmtpSettings")]
        [InlineData("MailOptions")]
        [InlineData("CrmConfiguration")]
        [InlineData("AppConfig")]
        public void MembersOfSettingsTypes_DoNotMatch(string typeName)
        {
            var tree = CSharpSyntaxTree.ParseText("class " + typeName + " { public string Email { get; set; } = \"\"; }");
            var compilation = Compilation.AddSyntaxTrees(tree);
            var type = compilation.GetTypeByMetadataName(typeName)!;
            Assert.Null(NameHeuristics.Match("Email", String, type));
        }

        [Theory]
        [InlineData("Theme", "FullName")]
        [InlineData("PluginType", "FullName")]
        [InlineData("Theme", "DisplayName")]
        [InlineData("Connection", "Address")]
        [InlineData("SmtpEndpoint", "Address")]
        [InlineData("Server", "Address")]
        public void NamesAndAddressesOfThings_DoNotMatch(string typeName, string member)
        {
            var tree = CSharpSyntaxTree.ParseText("class " + typeName + " { }");
            var type = Compilation.AddSyntaxTrees(tree).GetTypeByMetadataName(typeName)!;
            Assert.NotNull(NameHeuristics.Match(member, String, containingType: null));
            Assert.Null(NameHeuristics.Match(member, String, type));
        }

        [Theory]
        [InlineData("Customer", "FullName")]
        [InlineData("UserInfo", "DisplayName")]
        [InlineData("Customer", "Address")]
        [InlineData("ApplicationUser", "UserName")]
        public void NamesAndAddressesOfPeople_Match(string typeName, string member)
        {
            var tree = CSharpSyntaxTree.ParseText("class " + typeName + " { }");
            var type = Compilation.AddSyntaxTrees(tree).GetTypeByMetadataName(typeName)!;
            Assert.NotNull(NameHeuristics.Match(member, String, type));
        }

        [Theory]
        [InlineData("HomeEmailAddress", "home,email,address")]
        [InlineData("IPAddress", "ip,address")]
        [InlineData("date_of_birth", "date,of,birth")]
        [InlineData("addressLine1", "address,line1")]
        [InlineData("XMLHttpRequest", "xml,http,request")]
        public void Split_FindsTheWords(string name, string words)
        {
            Assert.Equal(words.Split(','), NameHeuristics.Split(name).ToArray());
        }
    }
}
