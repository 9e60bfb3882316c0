using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PiiAnalyzers.Flow;

namespace PiiAnalyzers.PersonalData
{
    /// <summary>
    /// Personal data the .NET libraries hand out without any attribute: the signed-in user's name and claims, the
    /// client's address and the request headers that carry it. Like ASP.NET Core Identity's <c>[PersonalData]</c>, these
    /// declare no purpose and no lawful basis: the rules that apply to any personal data (logging, retention) apply, the
    /// consent rules do not. Matched by full name, resolved once per compilation on first use; none of these libraries is
    /// referenced by the analyzers.
    /// <list type="bullet">
    /// <item><description>Members (<see cref="OfMember"/>): <c>IIdentity.Name</c> and its implementations
    /// (<c>ClaimsIdentity.Name</c>), <c>ConnectionInfo.RemoteIpAddress</c> and <c>IHttpConnectionFeature.RemoteIpAddress</c>,
    /// the whole claims collections <c>ClaimsPrincipal.Claims</c> and <c>ClaimsIdentity.Claims</c>, and the header
    /// properties <c>IHeaderDictionary.UserAgent</c> and <c>XForwardedFor</c>.</description></item>
    /// <item><description>Calls whose argument names the data (<see cref="OfCall"/>): <c>FindFirst</c>, <c>FindAll</c>
    /// and <c>FindFirstValue</c> of a <c>ClaimsPrincipal</c> or <c>ClaimsIdentity</c> with a claim type of
    /// <see cref="ClaimTypeTable"/>, and a header dictionary's indexer, <c>TryGetValue</c> and
    /// <c>GetCommaSeparatedValues</c> with a header of <see cref="HeaderTable"/>. The name must be a constant (a
    /// <c>ClaimTypes</c>/<c>JwtRegisteredClaimNames</c> constant, a literal, or a <c>HeaderNames</c> field): a claim type
    /// or header only known at run time is not a source.</description></item>
    /// <item><description>A claim's <c>Value</c> carries the claim type's data (<see cref="IsClaimValue"/>); the value of a
    /// claim picked from the whole collection by a test the engine does not read (<c>Claims.First(c =&gt; ...)</c>) does
    /// not.</description></item>
    /// </list>
    /// </summary>
    internal sealed class FrameworkSources
    {
        private const int Identifier = 1;
        private const int Contact = 2;
        private const int OnlineIdentifier = 3;
        private const int General = 0;

        private const string SoapClaims = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/";

        /// <summary>
        /// Claim types that carry personal data, by the value of their constant (<c>ClaimTypes.*</c>, OpenID Connect's
        /// standard claims as in <c>JwtRegisteredClaimNames</c>), with their category. Subject and name identifiers
        /// (<c>sub</c>, <c>nameidentifier</c>, <c>sid</c>) are left out as Identity's key <c>Id</c> is: on their own they
        /// name an account, not a person. Roles, scopes, expiry and other protocol claims are not personal.
        /// </summary>
        internal static readonly ImmutableArray<(string Type, int Category)> ClaimTypeTable = ImmutableArray.Create(
            (SoapClaims + "name", Identifier),
            (SoapClaims + "givenname", Identifier),
            (SoapClaims + "surname", Identifier),
            (SoapClaims + "upn", Identifier),
            ("http://schemas.microsoft.com/ws/2008/06/identity/claims/windowsaccountname", Identifier),
            (SoapClaims + "emailaddress", Contact),
            (SoapClaims + "mobilephone", Contact),
            (SoapClaims + "homephone", Contact),
            (SoapClaims + "otherphone", Contact),
            (SoapClaims + "streetaddress", Contact),
            (SoapClaims + "postalcode", Contact),
            (SoapClaims + "dateofbirth", General),
            (SoapClaims + "gender", General),
            (SoapClaims + "webpage", OnlineIdentifier),
            ("name", Identifier),
            ("given_name", Identifier),
            ("family_name", Identifier),
            ("middle_name", Identifier),
            ("nickname", Identifier),
            ("preferred_username", Identifier),
            ("unique_name", Identifier),
            ("upn", Identifier),
            ("email", Contact),
            ("phone_number", Contact),
            ("address", Contact),
            ("birthdate", General),
            ("gender", General),
            ("website", OnlineIdentifier),
            ("profile", OnlineIdentifier),
            ("picture", OnlineIdentifier));

        /// <summary>Request headers that carry the client's address or software, matched without regard to case.</summary>
        internal static readonly ImmutableArray<(string Header, string Property)> HeaderTable = ImmutableArray.Create(
            ("X-Forwarded-For", "XForwardedFor"),
            ("X-Real-IP", "XRealIP"),
            ("User-Agent", "UserAgent"));

        private static readonly string[] ClaimMethods = { "FindFirst", "FindAll", "FindFirstValue" };

        /// <summary>LINQ calls that pick one claim out of a collection by a predicate (<c>Claims.First(c =&gt; c.Type == ...)</c>).</summary>
        private static readonly string[] PickMethods = { "First", "FirstOrDefault", "Single", "SingleOrDefault", "Last", "LastOrDefault" };
        private static readonly string[] HeaderMethods = { "TryGetValue", "GetCommaSeparatedValues" };

        private readonly Lazy<Types> _types;
        private readonly ConcurrentDictionary<string, DataItem> _items = new ConcurrentDictionary<string, DataItem>(StringComparer.Ordinal);

        private readonly Compilation _compilation;

        public FrameworkSources(Compilation compilation)
        {
            _compilation = compilation;
            AspNetCorePresent = TypeLookup.Find(compilation, "Microsoft.AspNetCore.Http.HttpContext") is not null;
            _types = new Lazy<Types>(() => new Types(compilation), LazyThreadSafetyMode.ExecutionAndPublication);
        }

        /// <summary>
        /// True when the compilation references ASP.NET Core, where requests bring the user's claims and address: its
        /// bodies are analyzed even when nothing else in it is declared as personal data.
        /// </summary>
        public bool AspNetCorePresent { get; }

        private Types Known => _types.Value;

        /// <summary>The personal data a library property holds whatever it is read from, or null.</summary>
        public DataItem? OfMember(ISymbol symbol)
        {
            if (symbol is not IPropertySymbol { IsIndexer: false } property)
            {
                return null;
            }

            switch (property.Name)
            {
                case "Name":
                    return Known.IdentityName is { } name && Implements(property, name)
                        ? Item(property, PersonalDataCatalog.DisplayName(property), Identifier)
                        : null;
                case "RemoteIpAddress":
                    return IsOn(property, Known.ConnectionInfo) || IsOn(property, Known.ConnectionFeature)
                        ? Item(property, PersonalDataCatalog.DisplayName(property), OnlineIdentifier)
                        : null;
                case "Claims":
                    return IsOn(property, Known.ClaimsPrincipal) || IsOn(property, Known.ClaimsIdentity)
                        ? Item(property, PersonalDataCatalog.DisplayName(property), Identifier)
                        : null;
                default:
                    foreach (var (header, headerProperty) in HeaderTable)
                    {
                        if (property.Name == headerProperty && IsHeaderDictionary(property.ContainingType))
                        {
                            return HeaderItem(header);
                        }
                    }

                    return null;
            }
        }

        /// <summary>
        /// The personal data a claims lookup or a header read returns (an invocation, or an indexer's property
        /// reference), named by its constant argument; null when the call is neither, or the name is not constant.
        /// </summary>
        public DataItem? OfCall(IOperation operation)
        {
            switch (operation)
            {
                case IInvocationOperation invocation:
                    var method = invocation.TargetMethod;
                    var claims = Array.IndexOf(ClaimMethods, method.Name) >= 0;
                    if (!claims && Array.IndexOf(HeaderMethods, method.Name) < 0)
                    {
                        return Array.IndexOf(PickMethods, method.Name) >= 0 ? PickedClaim(invocation) : null; // mostly decided by name alone
                    }

                    // The object looked into: the receiver, or the first argument of an extension method.
                    var extension = method.IsExtensionMethod && method.Parameters.Length > 0;
                    var holder = extension ? method.Parameters[0].Type : invocation.Instance?.Type ?? method.ContainingType;
                    var name = extension ? 1 : 0;
                    if (claims)
                    {
                        return IsClaimsHolder(holder) ? ClaimItem(NameArgument(invocation.Arguments, name)) : null;
                    }

                    return IsHeaderDictionary(holder) ? HeaderItem(NameArgument(invocation.Arguments, name)) : null;
                case IPropertyReferenceOperation { Property.IsIndexer: true } indexer:
                    return IsHeaderDictionary(indexer.Property.ContainingType) || IsHeaderDictionary(indexer.Instance?.Type)
                        ? HeaderItem(NameArgument(indexer.Arguments, 0))
                        : null;
                default:
                    return null;
            }
        }

        /// <summary>True for <c>Claim.Value</c>: it carries the data of the claim type the claim was looked up by.</summary>
        public bool IsClaimValue(ISymbol member)
            => member is IPropertySymbol { Name: "Value" } property && Known.Claim is { } claim
                && SymbolEqualityComparer.Default.Equals(property.ContainingType?.OriginalDefinition, claim);

        /// <summary>True when <paramref name="item"/> is a claim type's data (what a claim's <c>Value</c> passes on).</summary>
        public bool IsClaimItem(DataItem item)
            => Known.ClaimValue is { } value && SymbolEqualityComparer.Default.Equals(item.Symbol, value);

        /// <summary>
        /// <c>User.Claims.First(c =&gt; c.Type == ClaimTypes.Email)</c>: the claim of the type the predicate compares with a
        /// constant, from a sequence of claims; null for any other call or predicate.
        /// </summary>
        private DataItem? PickedClaim(IInvocationOperation invocation)
        {
            if (Known.Claim is not { } claim || invocation.Arguments.Length != 2
                || !SymbolEqualityComparer.Default.Equals(invocation.Type?.OriginalDefinition, claim))
            {
                return null;
            }

            var predicate = invocation.Arguments[1].Value;
            while (predicate is IConversionOperation or IDelegateCreationOperation)
            {
                predicate = predicate is IConversionOperation conversion ? conversion.Operand : ((IDelegateCreationOperation)predicate).Target;
            }

            if (predicate is IFlowAnonymousFunctionOperation lowered && _compilation.ContainsSyntaxTree(lowered.Syntax.SyntaxTree))
            {
                // In a control-flow graph the lambda is only a reference (with no semantic model): its body is bound from
                // its syntax. Rare: only a LINQ pick that returns a Claim comes here.
                predicate = _compilation.GetSemanticModel(lowered.Syntax.SyntaxTree).GetOperation(lowered.Syntax);
            }

            if (predicate is not IAnonymousFunctionOperation { Body.Operations: { Length: 1 } operations }
                || operations[0] is not IReturnOperation { ReturnedValue: IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } comparison })
            {
                return null;
            }

            IOperation? named = IsClaimType(comparison.LeftOperand) ? comparison.RightOperand : IsClaimType(comparison.RightOperand) ? comparison.LeftOperand : null;
            return named is null ? null : ClaimItem(ConstantName(named));
        }

        private bool IsClaimType(IOperation operand)
        {
            while (operand is IConversionOperation conversion)
            {
                operand = conversion.Operand;
            }

            return operand is IPropertyReferenceOperation { Property.Name: "Type" } type
                && SymbolEqualityComparer.Default.Equals(type.Property.ContainingType?.OriginalDefinition, Known.Claim);
        }

        private DataItem? ClaimItem((string Value, string Display)? name)
        {
            if (name is not { } found || Known.ClaimValue is not { } symbol)
            {
                return null;
            }

            foreach (var (type, category) in ClaimTypeTable)
            {
                if (string.Equals(type, found.Value, StringComparison.OrdinalIgnoreCase))
                {
                    return Item(symbol, found.Display + " claim", category);
                }
            }

            return null;
        }

        private DataItem? HeaderItem((string Value, string Display)? name)
            => name is { } found ? HeaderItem(found.Value) : null;

        private DataItem? HeaderItem(string header)
        {
            if (Known.HeaderIndexer is not { } symbol)
            {
                return null;
            }

            foreach (var (known, _) in HeaderTable)
            {
                if (string.Equals(known, header, StringComparison.OrdinalIgnoreCase))
                {
                    return Item(symbol, known + " header", OnlineIdentifier);
                }
            }

            return null;
        }

        private DataItem Item(ISymbol symbol, string name, int category)
        {
            var key = name + "\n" + symbol.Name + "\n" + symbol.ContainingType?.Name;
            return _items.TryGetValue(key, out var known)
                ? known
                : _items.GetOrAdd(key, new DataItem(symbol, name, ImmutableArray<string>.Empty, category, DataItem.UndeclaredBasis));
        }

        /// <summary>
        /// The constant name passed at <paramref name="ordinal"/> and how the code spells it: <c>ClaimTypes.Email</c> for a
        /// constant or field, the text itself for a literal. <c>HeaderNames</c> fields are static readonly: matched by name.
        /// </summary>
        private (string Value, string Display)? NameArgument(ImmutableArray<IArgumentOperation> arguments, int ordinal)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter?.Ordinal != ordinal)
                {
                    continue;
                }

                return ConstantName(argument.Value);
            }

            return null;
        }

        /// <summary>A constant claim type or header name and how to show it (<c>ClaimTypes.Email</c>), or null.</summary>
        private (string Value, string Display)? ConstantName(IOperation value)
        {
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            var display = value is IFieldReferenceOperation field ? field.Field.ContainingType.Name + "." + field.Field.Name : null;
            if (value.ConstantValue is { HasValue: true, Value: string text })
            {
                return (text, display ?? text);
            }

            if (value is IFieldReferenceOperation { Field: { IsStatic: true } headerName } && headerName.ContainingType.Name == "HeaderNames")
            {
                foreach (var (header, property) in HeaderTable)
                {
                    if (headerName.Name == property)
                    {
                        return (header, display!);
                    }
                }
            }

            return null;
        }

        private static bool Implements(IPropertySymbol property, IPropertySymbol interfaceProperty)
        {
            if (SymbolEqualityComparer.Default.Equals(property.OriginalDefinition, interfaceProperty))
            {
                return true;
            }

            var type = property.ContainingType;
            return type is not null && type.AllInterfaces.Contains(interfaceProperty.ContainingType, SymbolEqualityComparer.Default)
                && SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(interfaceProperty), property.OriginalDefinition);
        }

        private static bool IsOn(IPropertySymbol property, INamedTypeSymbol? type)
            => type is not null
                && (Flow.TypeShapes.DerivesFrom(property.ContainingType, type)
                    || (type.TypeKind == TypeKind.Interface && property.ContainingType.AllInterfaces.Contains(type, SymbolEqualityComparer.Default)));

        private bool IsClaimsHolder(ITypeSymbol? type)
            => type is not null && (Flow.TypeShapes.DerivesFrom(type, Known.ClaimsPrincipal) || Flow.TypeShapes.DerivesFrom(type, Known.ClaimsIdentity));

        private bool IsHeaderDictionary(ITypeSymbol? type)
            => type is not null && Known.HeaderDictionary is { } headers
                && (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, headers) || type.AllInterfaces.Contains(headers, SymbolEqualityComparer.Default));

        private sealed class Types
        {
            public Types(Compilation compilation)
            {
                ClaimsPrincipal = TypeLookup.Find(compilation, "System.Security.Claims.ClaimsPrincipal");
                ClaimsIdentity = TypeLookup.Find(compilation, "System.Security.Claims.ClaimsIdentity");
                Claim = TypeLookup.Find(compilation, "System.Security.Claims.Claim");
                ClaimValue = Claim?.GetMembers("Value").Length == 1 ? Claim.GetMembers("Value")[0] as IPropertySymbol : null;
                var identity = TypeLookup.Find(compilation, "System.Security.Principal.IIdentity");
                IdentityName = identity?.GetMembers("Name").Length == 1 ? identity.GetMembers("Name")[0] as IPropertySymbol : null;
                ConnectionInfo = TypeLookup.Find(compilation, "Microsoft.AspNetCore.Http.ConnectionInfo");
                ConnectionFeature = TypeLookup.Find(compilation, "Microsoft.AspNetCore.Http.Features.IHttpConnectionFeature");
                HeaderDictionary = TypeLookup.Find(compilation, "Microsoft.AspNetCore.Http.IHeaderDictionary");
                foreach (var member in HeaderDictionary?.GetMembers() ?? ImmutableArray<ISymbol>.Empty)
                {
                    if (member is IPropertySymbol { IsIndexer: true, Parameters.Length: 1 } indexer && indexer.Parameters[0].Type.SpecialType == SpecialType.System_String)
                    {
                        HeaderIndexer = indexer;
                    }
                }
            }

            public INamedTypeSymbol? ClaimsPrincipal { get; }

            public INamedTypeSymbol? ClaimsIdentity { get; }

            public INamedTypeSymbol? Claim { get; }

            /// <summary><c>Claim.Value</c>: the symbol every claim type's data item is declared on.</summary>
            public IPropertySymbol? ClaimValue { get; }

            public IPropertySymbol? IdentityName { get; }

            public INamedTypeSymbol? ConnectionInfo { get; }

            public INamedTypeSymbol? ConnectionFeature { get; }

            public INamedTypeSymbol? HeaderDictionary { get; }

            /// <summary><c>IHeaderDictionary[string]</c>: the symbol every header's data item is declared on.</summary>
            public IPropertySymbol? HeaderIndexer { get; }
        }
    }
}
