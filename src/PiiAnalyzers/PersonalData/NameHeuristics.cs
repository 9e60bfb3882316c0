using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;

namespace PiiAnalyzers.PersonalData
{
    /// <summary>
    /// Decides from a member's name and type whether it looks like personal data (PII008, and
    /// <c>pii_analyzers.infer_from_names</c>). The whole word list lives here, in <see cref="Terms"/>.
    /// <para>
    /// A name is split into lower-case words (<c>HomeEmailAddress</c> → home, email, address). It looks like
    /// personal data when a term ends the name, or is followed only by neutral words (<c>address</c>, <c>number</c>,
    /// <c>line1</c>, ...): <c>WorkEmail</c>, <c>EmailAddress</c>, <c>PhoneNumber</c>, <c>AddressLine1</c> do;
    /// <c>EmailTemplateId</c>, <c>EmailSubject</c>, <c>EmailCount</c> do not. Names starting with a flag word
    /// (<c>Is</c>, <c>Has</c>, <c>Enable</c>, ...) and members of settings types (<c>*Settings</c>, <c>*Options</c>,
    /// <c>*Configuration</c>, <c>*Config</c>) never do. Only strings qualify, and dates for birth dates.
    /// </para>
    /// </summary>
    internal static class NameHeuristics
    {
        /// <summary>A kind of personal data a name can say.</summary>
        internal sealed class Term
        {
            public Term(string[] words, int category, string description, bool dates = false, string[]? notAfter = null, string[]? notOn = null)
            {
                Words = words;
                Category = category;
                Description = description;
                AcceptsDates = dates;
                NotAfter = notAfter ?? new string[0];
                NotOn = notOn ?? new string[0];
            }

            /// <summary>
            /// Endings of type names whose members of this name are not a person's (<c>Theme.FullName</c>,
            /// <c>Connection.Address</c>).
            /// </summary>
            public string[] NotOn { get; }

            /// <summary>The lower-case words, in order (<c>date, of, birth</c>).</summary>
            public string[] Words { get; }

            /// <summary>The <c>PiiAttributes.PersonalDataCategory</c> value.</summary>
            public int Category { get; }

            /// <summary>What the name says, for messages: <c>an email address</c>.</summary>
            public string Description { get; }

            /// <summary>Dates qualify too (birth dates).</summary>
            public bool AcceptsDates { get; }

            /// <summary>Words that, right before the term, make it something else (<c>MacAddress</c>, <c>ServerAddress</c>).</summary>
            public string[] NotAfter { get; }
        }

        private const int Identifier = 1;
        private const int Contact = 2;
        private const int OnlineIdentifier = 3;
        private const int Location = 4;
        private const int Financial = 5;
        private const int Special = 7;

        private static readonly string[] NotPersonalAddresses =
        {
            "mac", "server", "base", "listen", "host", "web", "remote", "local", "bind", "endpoint", "proxy", "gateway",
            "network", "memory", "contract", "wallet", "callback", "redirect", "return", "site", "service", "from", "sender",
            "wan", "lan", "public", "private", "internal", "external", "peer", "destination", "multicast", "broadcast",
            "loopback", "ipv4", "ipv6", "v4", "v6", "tcp", "udp", "smtp", "relay", "node", "device", "machine", "bluetooth",
        };

        /// <summary>Types whose <c>Address</c> is a machine's, not a postal one.</summary>
        private static readonly string[] MachineTypes =
        {
            "Connection", "Endpoint", "EndPoint", "Socket", "Server", "Host", "Peer", "Network", "Node", "Proxy", "Gateway",
            "Interface", "Adapter", "Router", "Listener", "Binding", "Channel", "Device", "Machine", "Instance", "Cluster", "Broker",
        };

        /// <summary>Types whose names (<c>FullName</c>, <c>DisplayName</c>) are not a person's.</summary>
        private static readonly string[] ThingTypes =
        {
            "Type", "Theme", "Assembly", "Module", "Namespace", "Font", "Symbol", "Package", "Plugin", "Class", "Method",
            "Property", "Field", "File", "Directory", "Folder", "Template", "Product", "Category", "Skin", "Layout",
            "Component", "Service", "Feature", "Library", "Project", "Solution", "Repository", "Branch", "Table", "Column",
            "Schema", "Queue", "Topic", "Job", "Task", "Report", "Resource", "Role", "Group", "Permission", "Policy",
            "Culture", "Language", "Country", "Region", "Currency", "Tenant", "Organization", "Organisation", "Company",
            "Team", "Store", "Brand", "Scope", "Claim", "Provider", "Scheme", "Enum", "Attribute",
        };

        /// <summary>Words that, right before a name (<c>ProviderDisplayName</c>, <c>ProductFullName</c>), make it a thing's.</summary>
        private static readonly string[] ThingWords = System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(ThingTypes, t => t.ToLowerInvariant()));

        /// <summary>Every term; where two end at the same word, the longer comes first (<c>ip address</c> before <c>address</c>).</summary>
        public static readonly ImmutableArray<Term> Terms = ImmutableArray.Create(
            new Term(new[] { "date", "of", "birth" }, Identifier, "a date of birth", dates: true),
            new Term(new[] { "social", "security", "number" }, Identifier, "a social security number"),
            new Term(new[] { "drivers", "license", "number" }, Identifier, "a driver's licence number"),
            new Term(new[] { "drivers", "licence", "number" }, Identifier, "a driver's licence number"),
            new Term(new[] { "driver", "license" }, Identifier, "a driver's licence number"),
            new Term(new[] { "driver", "licence" }, Identifier, "a driver's licence number"),
            new Term(new[] { "drivers", "license" }, Identifier, "a driver's licence number"),
            new Term(new[] { "drivers", "licence" }, Identifier, "a driver's licence number"),
            new Term(new[] { "social", "security" }, Identifier, "a social security number"),
            new Term(new[] { "national", "id" }, Identifier, "a national identity number"),
            new Term(new[] { "tax", "id" }, Identifier, "a tax identification number"),
            new Term(new[] { "birth", "date" }, Identifier, "a date of birth", dates: true),
            new Term(new[] { "first", "name" }, Identifier, "a first name", notOn: ThingTypes),
            new Term(new[] { "last", "name" }, Identifier, "a last name", notOn: ThingTypes),
            new Term(new[] { "full", "name" }, Identifier, "a full name", notAfter: ThingWords, notOn: ThingTypes),
            new Term(new[] { "given", "name" }, Identifier, "a given name", notOn: ThingTypes),
            new Term(new[] { "family", "name" }, Identifier, "a family name", notOn: ThingTypes),
            new Term(new[] { "middle", "name" }, Identifier, "a middle name", notOn: ThingTypes),
            new Term(new[] { "display", "name" }, Identifier, "a display name", notAfter: ThingWords, notOn: ThingTypes),
            new Term(new[] { "user", "name" }, Identifier, "a user name", notOn: ThingTypes),
            new Term(new[] { "login", "name" }, Identifier, "a user name", notOn: ThingTypes),
            new Term(new[] { "user", "agent" }, OnlineIdentifier, "a user agent"),
            new Term(new[] { "e", "mail" }, Contact, "an email address"),
            new Term(new[] { "cell", "phone" }, Contact, "a phone number"),
            new Term(new[] { "ip", "address" }, OnlineIdentifier, "an IP address"),
            new Term(new[] { "postal", "code" }, Location, "a postal code"),
            new Term(new[] { "post", "code" }, Location, "a postal code"),
            new Term(new[] { "zip", "code" }, Location, "a postal code"),
            new Term(new[] { "geo", "location" }, Location, "a location"),
            new Term(new[] { "credit", "card" }, Financial, "a payment card number"),
            new Term(new[] { "card", "number" }, Financial, "a payment card number"),
            new Term(new[] { "bank", "account" }, Financial, "a bank account number"),
            new Term(new[] { "email" }, Contact, "an email address"),
            new Term(new[] { "phone" }, Contact, "a phone number"),
            new Term(new[] { "telephone" }, Contact, "a phone number"),
            new Term(new[] { "mobile" }, Contact, "a phone number"),
            new Term(new[] { "surname" }, Identifier, "a last name"),
            new Term(new[] { "firstname" }, Identifier, "a first name"),
            new Term(new[] { "lastname" }, Identifier, "a last name"),
            new Term(new[] { "fullname" }, Identifier, "a full name", notAfter: ThingWords, notOn: ThingTypes),
            new Term(new[] { "givenname" }, Identifier, "a given name", notOn: ThingTypes),
            new Term(new[] { "displayname" }, Identifier, "a display name", notAfter: ThingWords, notOn: ThingTypes),
            new Term(new[] { "username" }, Identifier, "a user name", notOn: ThingTypes),
            new Term(new[] { "login" }, Identifier, "a user name", notOn: ThingTypes),
            new Term(new[] { "useragent" }, OnlineIdentifier, "a user agent"),
            new Term(new[] { "birthdate" }, Identifier, "a date of birth", dates: true),
            new Term(new[] { "birthday" }, Identifier, "a date of birth", dates: true),
            new Term(new[] { "dob" }, Identifier, "a date of birth", dates: true),
            new Term(new[] { "ssn" }, Identifier, "a social security number"),
            new Term(new[] { "passport" }, Identifier, "a passport number"),
            new Term(new[] { "street" }, Location, "a street address"),
            new Term(new[] { "postcode" }, Location, "a postal code"),
            new Term(new[] { "zipcode" }, Location, "a postal code"),
            new Term(new[] { "zip" }, Location, "a postal code"),
            new Term(new[] { "address" }, Location, "a postal address", notAfter: NotPersonalAddresses, notOn: MachineTypes),
            new Term(new[] { "ipaddress" }, OnlineIdentifier, "an IP address"),
            new Term(new[] { "ip" }, OnlineIdentifier, "an IP address"),
            new Term(new[] { "latitude" }, Location, "a location"),
            new Term(new[] { "longitude" }, Location, "a location"),
            new Term(new[] { "geolocation" }, Location, "a location"),
            new Term(new[] { "iban" }, Financial, "a bank account number"),
            new Term(new[] { "salary" }, Financial, "a salary"),
            new Term(new[] { "health" }, Special, "health data"),
            new Term(new[] { "medical" }, Special, "health data"),
            new Term(new[] { "diagnosis" }, Special, "health data"),
            new Term(new[] { "ethnicity" }, Special, "ethnic origin"),
            new Term(new[] { "religion" }, Special, "religious beliefs"));

        /// <summary>Words that may follow a term without changing what the name holds (<c>EmailAddress</c>, <c>PhoneNumber</c>).</summary>
        private static readonly HashSet<string> NeutralSuffixes = new HashSet<string>
        {
            "address", "number", "no", "num", "nr", "value", "text", "line", "line1", "line2", "line3", "1", "2", "3",
            "raw", "normalized", "normalised", "plain", "hash", "hashed", "encrypted", "info", "details", "data", "note", "notes", "history",
        };

        /// <summary>
        /// Names starting with these are flags or settings (<c>IsEmailVerified</c>, <c>EnableEmail</c>), or say the value
        /// no longer carries the data (<c>maskedEmail</c>, <c>RedactedPhone</c>).
        /// </summary>
        private static readonly HashSet<string> FlagPrefixes = new HashSet<string>
        {
            "is", "has", "can", "should", "allow", "allows", "enable", "enabled", "disable", "use", "show", "require", "requires", "must", "send", "max", "min",
            "masked", "redacted", "anonymized", "anonymised", "obfuscated",
        };

        /// <summary>Types that hold settings, not people's data.</summary>
        private static readonly string[] SettingsTypeSuffixes = { "Settings", "Options", "Configuration", "Config" };

        /// <summary>The term <paramref name="name"/> says, when a member of that name and type looks like personal data.</summary>
        public static Term? Match(string name, ITypeSymbol type, INamedTypeSymbol? containingType)
        {
            // The type decides most members, and costs nothing to check: only strings and dates can qualify.
            var date = IsDate(type);
            if (!IsText(type) && !date)
            {
                return null;
            }

            if (containingType is not null)
            {
                foreach (var suffix in SettingsTypeSuffixes)
                {
                    if (containingType.Name.EndsWith(suffix, System.StringComparison.Ordinal))
                    {
                        return null;
                    }
                }
            }

            var term = Match(name);
            if (term is null || (date && !term.AcceptsDates))
            {
                return null;
            }

            if (containingType is not null)
            {
                foreach (var suffix in term.NotOn)
                {
                    if (containingType.Name.EndsWith(suffix, System.StringComparison.Ordinal))
                    {
                        return null; // Theme.FullName, Connection.Address
                    }
                }
            }

            return term;
        }

        /// <summary>The term <paramref name="name"/> says, whatever the type; null when none.</summary>
        /// <remarks>
        /// Cached by name (the same member names recur across types and across the compilations the IDE makes on every
        /// edit); the cache is cleared when it grows past <see cref="MaxCachedNames"/>.
        /// </remarks>
        public static Term? Match(string name)
        {
            if (Known.TryGetValue(name, out var known))
            {
                return known;
            }

            if (Known.Count >= MaxCachedNames)
            {
                Known.Clear();
            }

            var term = MatchWords(name);
            Known.TryAdd(name, term);
            return term;
        }

        private const int MaxCachedNames = 20000;

        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Term?> Known =
            new System.Collections.Concurrent.ConcurrentDictionary<string, Term?>(System.StringComparer.Ordinal);

        private static Term? MatchWords(string name)
        {
            var words = Split(name);
            if (words.Count == 0 || FlagPrefixes.Contains(words[0]))
            {
                return null;
            }

            // The term must end the name, or be followed only by neutral words. Walking left through those, the
            // leftmost term wins: EmailAddress is an email, not a postal address; MacAddress is neither.
            Term? found = null;
            for (var end = words.Count; end > 0; end--)
            {
                foreach (var term in Terms)
                {
                    if (EndsWith(words, end, term))
                    {
                        var before = end - term.Words.Length - 1;
                        if (before < 0 || System.Array.IndexOf(term.NotAfter, words[before]) < 0)
                        {
                            found = term;
                        }

                        break;
                    }
                }

                if (!NeutralSuffixes.Contains(words[end - 1]))
                {
                    break;
                }
            }

            return found;
        }

        /// <summary><c>HomeEmailAddress</c> → home, email, address; <c>date_of_birth</c> → date, of, birth; <c>IPAddress</c> → ip, address.</summary>
        public static List<string> Split(string name)
        {
            var words = new List<string>();
            var current = new StringBuilder();
            for (var i = 0; i < name.Length; i++)
            {
                var c = name[i];
                if (c == '_' || c == '-' || c == '@')
                {
                    Flush(words, current);
                    continue;
                }

                if (current.Length > 0)
                {
                    var previous = name[i - 1];
                    var upperAfterLower = char.IsUpper(c) && (char.IsLower(previous) || char.IsDigit(previous));
                    var acronymEnd = char.IsUpper(c) && char.IsUpper(previous) && i + 1 < name.Length && char.IsLower(name[i + 1]);
                    if (upperAfterLower || acronymEnd)
                    {
                        Flush(words, current);
                    }
                }

                current.Append(char.ToLowerInvariant(c));
            }

            Flush(words, current);
            return words;
        }

        private static void Flush(List<string> words, StringBuilder current)
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }

        private static bool EndsWith(List<string> words, int end, Term term)
        {
            var start = end - term.Words.Length;
            if (start < 0)
            {
                return false;
            }

            for (var i = 0; i < term.Words.Length; i++)
            {
                if (words[start + i] != term.Words[i])
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsText(ITypeSymbol type) => type.SpecialType == SpecialType.System_String;

        private static bool IsDate(ITypeSymbol type)
        {
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
            {
                type = nullable.TypeArguments[0];
            }

            return type.SpecialType == SpecialType.System_DateTime
                || (type.Name is "DateOnly" or "DateTimeOffset" && type.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true });
        }
    }
}
