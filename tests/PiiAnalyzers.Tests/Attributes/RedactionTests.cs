using System.Linq;
using System.Reflection;
using PiiAttributes;
using Xunit;

namespace PiiAnalyzers.Tests.Attributes
{
    /// <summary>The documented behaviour of <see cref="Redaction.Mask"/>, case by case, and the properties every output keeps.</summary>
    public class RedactionTests
    {
        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData(" ")]
        [InlineData("   \t\r\n ")]
        public void NullEmptyOrWhitespace_IsEmpty(string? value)
        {
            Assert.Equal(string.Empty, Redaction.Mask(value));
        }

        [Theory]
        [InlineData("jane.doe@example.com", "j***@e***.com")]
        [InlineData("J@EXAMPLE.ORG", "J***@E***.ORG")]
        [InlineData("jane+chat@mail.example.co.uk", "j***@m***.uk")]
        [InlineData("  jane@example.com  ", "j***@e***.com")]
        [InlineData("a@b.c", "a***@b***.c")]
        [InlineData("\"odd@name\"@example.com", "\"***@e***.com")]
        public void EmailAddress_KeepsFirstLettersAndTopLevelDomain(string value, string expected)
        {
            Assert.Equal(expected, Redaction.Mask(value));
        }

        [Theory]
        [InlineData("jane@localhost", "j***@***")]
        [InlineData("jane@.com", "j***@***")]
        [InlineData("jane@example.", "j***@***")]
        public void EmailDomainWithoutInnerDot_HidesTheWholeDomain(string value, string expected)
        {
            Assert.Equal(expected, Redaction.Mask(value));
        }

        [Theory]
        [InlineData("@example.com", "@***")]
        [InlineData("jane@", "j***")]
        [InlineData("@", "***")]
        public void AtSignAtStartOrEnd_IsNotAnEmail_FallsToGenericRule(string value, string expected)
        {
            Assert.Equal(expected, Redaction.Mask(value));
        }

        [Theory]
        [InlineData("203.0.113.42", "203.0.113.***")]
        [InlineData("10.0.0.1", "10.0.0.***")]
        [InlineData("255.255.255.255", "255.255.255.***")]
        [InlineData("0.0.0.0", "0.0.0.***")]
        [InlineData(" 192.168.1.7 ", "192.168.1.***")]
        public void IPv4Address_HidesLastOctet(string value, string expected)
        {
            Assert.Equal(expected, Redaction.Mask(value));
        }

        [Theory]
        [InlineData("999.1.1.1", "***11")]        // an octet over 255: digits and dots, so a number
        [InlineData("256.1.1.1", "***11")]
        [InlineData("1.2.3.4.5", "***45")]        // five parts
        [InlineData("1.2.3", "1***")]             // three parts, three digits: generic
        [InlineData("10..20.30", "***30")]        // an empty part
        [InlineData("1234.1.1.1", "***11")]       // a part of four digits
        [InlineData("+1.2.3.4", "***34")]         // a sign is not a digit
        [InlineData("a.b.c.d", "a***")]
        public void InvalidIPv4_IsNotMaskedAsAnAddress(string value, string expected)
        {
            Assert.Equal(expected, Redaction.Mask(value));
        }

        [Theory]
        [InlineData("2001:db8::1", "2001:db8:***")]
        [InlineData("2001:0db8:85a3:0000:0000:8a2e:0370:7334", "2001:0db8:***")]
        [InlineData("FE80:0:0:0:202:B3FF:FE1E:8329", "FE80:0:***")]
        [InlineData("::1", "::***")]
        [InlineData("::ffff:203.0.113.42", "::***")]
        public void IPv6Address_KeepsFirstTwoGroups(string value, string expected)
        {
            Assert.Equal(expected, Redaction.Mask(value));
        }

        [Theory]
        [InlineData("2001:db8", "2***")]          // one colon: not an address
        [InlineData("2001:zz8::1", "2***")]       // not hexadecimal
        [InlineData("12:30", "1***")]
        public void NotIPv6_FallsToGenericRule(string value, string expected)
        {
            Assert.Equal(expected, Redaction.Mask(value));
        }

        [Theory]
        [InlineData("+44 20 7946 0958", "***58")]
        [InlineData("(020) 7946-0958", "***58")]
        [InlineData("020.7946.0958", "***58")]
        [InlineData("4111 1111 1111 1234", "***34")]
        [InlineData("4111-1111-1111-1111", "***11")]
        [InlineData("5500000000000004", "***04")]
        [InlineData("12/34", "***34")]
        [InlineData("1234", "***34")]
        [InlineData("+1 (555) 010-0199", "***99")]
        public void PhoneOrCardNumber_KeepsLastTwoDigits(string value, string expected)
        {
            Assert.Equal(expected, Redaction.Mask(value));
        }

        [Theory]
        [InlineData("123", "1***")]
        [InlineData("+1 2 3", "+***")]
        [InlineData("(12)", "(***")]
        [InlineData("12", "***")]
        [InlineData("7", "***")]
        [InlineData("- -", "-***")]
        public void DigitStringsUnderFourDigits_FallToGenericRule(string value, string expected)
        {
            Assert.Equal(expected, Redaction.Mask(value));
        }

        [Theory]
        [InlineData("Jane Doe", "J***")]
        [InlineData("  Jane Doe  ", "J***")]
        [InlineData("Jan", "J***")]
        [InlineData("Jo", "***")]
        [InlineData("J", "***")]
        [InlineData(" J ", "***")]
        [InlineData("10 Downing Street, London SW1A 2AA", "1***")]
        [InlineData("Ünal Öztürk", "Ü***")]
        [InlineData("AB12 CDE", "A***")]
        public void AnythingElse_KeepsFirstCharacter(string value, string expected)
        {
            Assert.Equal(expected, Redaction.Mask(value));
        }

        /// <summary>Realistic personal data of every kind the method handles, each at least three characters long.</summary>
        public static TheoryData<string> RealisticSamples { get; } = new TheoryData<string>
        {
            "jane.doe@example.com",
            "j@example.org",
            "support+ticket-42@chat.example.co.uk",
            "JANE@EXAMPLE.COM",
            "jane@localhost",
            "203.0.113.42",
            "198.51.100.7",
            "10.0.0.1",
            "2001:db8::1",
            "2001:0db8:85a3:0000:0000:8a2e:0370:7334",
            "::ffff:192.0.2.128",
            "fe80::1ff:fe23:4567:890a",
            "+44 20 7946 0958",
            "(020) 7946-0958",
            "+1 (555) 010-0199",
            "4111 1111 1111 1111",
            "5500-0000-0000-0004",
            "123",
            "0958",
            "Jane Doe",
            "Jan",
            "Ünal Öztürk",
            "María José García-López",
            "10 Downing Street, London SW1A 2AA",
            "SW1A 2AA",
            "QQ 12 34 56 C",
            "1985-04-12",
            "Hello, I need help with my order #4821",
            "jane_doe_1985",
            "https://example.com/profile/jane",
            "00:1A:2B:3C:4D:5E",
        };

        [Theory]
        [MemberData(nameof(RealisticSamples))]
        public void Output_NeverContainsTheInput(string value)
        {
            var masked = Redaction.Mask(value);

            Assert.DoesNotContain(value.Trim(), masked, System.StringComparison.Ordinal);
        }

        [Theory]
        [MemberData(nameof(RealisticSamples))]
        public void Output_IsAlwaysShorterThanTheCharactersItCouldReveal(string value)
        {
            // Whatever rule applies, at most two groups, one octet-less prefix, or one character survive: never the whole.
            var masked = Redaction.Mask(value);

            Assert.Contains("***", masked, System.StringComparison.Ordinal);
            Assert.NotEqual(value, masked);
        }

        [Fact]
        public void GenericOutputLength_DoesNotDependOnInputLength()
        {
            var lengths = new[] { 3, 4, 5, 8, 13, 40, 200, 5000 }
                .Select(n => "Jane Doe of Somewhere Road ".PadRight(n, 'x').Substring(0, n))
                .Select(text => Redaction.Mask(text).Length)
                .Distinct()
                .ToList();

            Assert.Equal(new[] { 4 }, lengths);
        }

        [Fact]
        public void ShortGenericOutputLength_DoesNotDependOnInputLength()
        {
            Assert.Equal(Redaction.Mask("J").Length, Redaction.Mask("Jo").Length);
        }

        [Fact]
        public void NumberOutputLength_DoesNotDependOnHowManyDigits()
        {
            var lengths = new[] { "1234", "+44 20 7946 0958", "4111 1111 1111 1111 123" }
                .Select(text => Redaction.Mask(text).Length)
                .Distinct()
                .ToList();

            Assert.Equal(new[] { 5 }, lengths);
        }

        [Fact]
        public void Mask_IsMarkedAsRedactor()
        {
            var mask = typeof(Redaction).GetMethod(nameof(Redaction.Mask), new[] { typeof(string) });

            Assert.NotNull(mask);
            Assert.NotNull(mask!.GetCustomAttribute<RedactorAttribute>());
        }

        [Fact]
        public void RedactorAttribute_TargetsMethodsOnly()
        {
            var usage = typeof(RedactorAttribute).GetCustomAttribute<System.AttributeUsageAttribute>();

            Assert.NotNull(usage);
            Assert.Equal(System.AttributeTargets.Method, usage!.ValidOn);
        }
    }
}
