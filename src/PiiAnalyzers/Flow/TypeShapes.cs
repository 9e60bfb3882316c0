using System.Linq;
using Microsoft.CodeAnalysis;

namespace PiiAnalyzers.Flow
{
    /// <summary>Questions about types that decide how data moves through values of them.</summary>
    internal static class TypeShapes
    {
        /// <summary>
        /// Types whose values computed from personal data are clean: bool, numbers, enums (<c>Length</c>,
        /// <c>Contains</c>, comparisons, counts). Direct reads of declared personal data keep their taint whatever the type.
        /// </summary>
        public static bool IsScalar(ITypeSymbol? type)
        {
            if (type is null)
            {
                return false;
            }

            if (type.SpecialType != SpecialType.None)
            {
                // The common case, decided without looking further: int, bool, string, object...
                return IsScalarSpecialType(type.SpecialType);
            }

            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
            {
                return IsScalar(nullable.TypeArguments[0]); // int?, Status?: what they wrap
            }

            if (type.TypeKind == TypeKind.Enum)
            {
                return true;
            }

            // Task<bool>, ValueTask<int>: awaiting them gives a scalar.
            if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } task
                && (task.Name == "Task" || task.Name == "ValueTask")
                && IsInNamespace(task, SystemThreadingTasks))
            {
                return IsScalar(task.TypeArguments[0]);
            }

            return type.Name == "Task" && !((INamedTypeSymbol)type).IsGenericType && IsInNamespace(type, SystemThreadingTasks);
        }

        /// <summary>
        /// The <c>ToString()</c> override a person wrote for <paramref name="type"/> or a base type (not a record's
        /// compiler-generated one, nor the framework's), or null.
        /// </summary>
        public static IMethodSymbol? UserToString(ITypeSymbol type)
        {
            for (var current = type as INamedTypeSymbol; current is not null && current.SpecialType != SpecialType.System_Object && !IsFrameworkType(current); current = current.BaseType)
            {
                foreach (var member in current.GetMembers("ToString"))
                {
                    if (member is IMethodSymbol { IsOverride: true, Parameters.IsEmpty: true, IsImplicitlyDeclared: false } method && !IsCompilerGenerated(method))
                    {
                        return method;
                    }
                }
            }

            return null;
        }

        private static bool IsCompilerGenerated(ISymbol symbol)
        {
            foreach (var attribute in symbol.GetAttributes())
            {
                if (attribute.AttributeClass is { Name: "CompilerGeneratedAttribute" })
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The type of a member that holds an instance's data — a field or a non-indexer property, neither static nor
        /// compiler-made (backing fields, a record's <c>EqualityContract</c>) — or null for any other member.
        /// </summary>
        public static ITypeSymbol? DataMemberType(ISymbol member)
        {
            if (member.IsStatic || member.IsImplicitlyDeclared)
            {
                return null;
            }

            return member switch
            {
                IPropertySymbol { IsIndexer: false } property => property.Type,
                IFieldSymbol field => field.Type,
                _ => null,
            };
        }

        /// <summary><c>bool?</c>.</summary>
        public static bool IsNullableBoolean(ITypeSymbol? type)
            => type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
                && nullable.TypeArguments[0].SpecialType == SpecialType.System_Boolean;

        /// <summary>A non-generic <c>Task</c> or <c>ValueTask</c>: an async method that returns nothing.</summary>
        public static bool IsVoidTask(ITypeSymbol? type)
            => type is INamedTypeSymbol { IsGenericType: false, Name: "Task" or "ValueTask" } && IsInNamespace(type, SystemThreadingTasks);

        /// <summary><c>Task&lt;bool&gt;</c> or <c>ValueTask&lt;bool&gt;</c>: what an async consent check returns.</summary>
        public static bool IsTaskOfBoolean(ITypeSymbol? type)
            => type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } task
                && task.TypeArguments[0].SpecialType == SpecialType.System_Boolean
                && (task.Name == "Task" || task.Name == "ValueTask")
                && IsInNamespace(task, SystemThreadingTasks);

        private static bool IsScalarSpecialType(SpecialType specialType)
        {
            switch (specialType)
            {
                case SpecialType.System_Void:
                case SpecialType.System_Boolean:
                case SpecialType.System_Char:
                case SpecialType.System_SByte:
                case SpecialType.System_Byte:
                case SpecialType.System_Int16:
                case SpecialType.System_UInt16:
                case SpecialType.System_Int32:
                case SpecialType.System_UInt32:
                case SpecialType.System_Int64:
                case SpecialType.System_UInt64:
                case SpecialType.System_Decimal:
                case SpecialType.System_Single:
                case SpecialType.System_Double:
                case SpecialType.System_IntPtr:
                case SpecialType.System_UIntPtr:
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>Types that never hold personal data in members: scalars, string, object, delegates, framework leaf types.</summary>
        public static bool IsLeaf(ITypeSymbol type)
        {
            if (type.SpecialType != SpecialType.None && type is not INamedTypeSymbol { IsGenericType: true })
            {
                // int, string, object, DateTime, IDisposable...: the framework's own types, no members of the user's.
                return true;
            }

            if (IsScalar(type))
            {
                return true;
            }

            switch (type.SpecialType)
            {
                case SpecialType.System_String:
                case SpecialType.System_Object:
                case SpecialType.System_DateTime:
                case SpecialType.System_ValueType:
                case SpecialType.System_Enum:
                    return true;
            }

            return type.TypeKind is TypeKind.Delegate or TypeKind.Pointer or TypeKind.FunctionPointer or TypeKind.Dynamic or TypeKind.Error
                || (type is INamedTypeSymbol { IsGenericType: false } named && IsFrameworkType(named));
        }

        /// <summary>
        /// Types of the .NET libraries (System.*, Microsoft.*): their members are not the user's data model — except
        /// ASP.NET Core Identity's, whose users (IdentityUser) hold personal data the framework marks itself.
        /// </summary>
        public static bool IsFrameworkType(INamedTypeSymbol type)
        {
            if (IsInNamespace(type, MicrosoftAspNetCoreIdentity))
            {
                return false;
            }

            var ns = type.ContainingNamespace;
            while (ns is { IsGlobalNamespace: false, ContainingNamespace.IsGlobalNamespace: false })
            {
                ns = ns.ContainingNamespace;
            }

            return ns is { IsGlobalNamespace: false } && (ns.Name == "System" || ns.Name == "Microsoft");
        }

        /// <summary>
        /// Framework generics whose type argument names a category, not content: <c>ILogger&lt;ChatService&gt;</c> holds no
        /// ChatService, and so none of its personal data.
        /// </summary>
        public static bool IsCategoryGeneric(INamedTypeSymbol type)
            => type.Arity == 1
                && (((type.Name is "ILogger" or "Logger") && IsInNamespace(type, MicrosoftExtensionsLogging))
                    || ((type.Name is "IStringLocalizer" or "StringLocalizer") && IsInNamespace(type, MicrosoftExtensionsLocalization)));

        /// <summary>Strings and string-like values (text, bytes, URIs): whatever flows into them shows when they are printed.</summary>
        public static bool IsTextLike(ITypeSymbol? type)
        {
            switch (type)
            {
                case null:
                    return false;
                case IArrayTypeSymbol array:
                    return array.ElementType.SpecialType is SpecialType.System_Char or SpecialType.System_Byte or SpecialType.System_String;
            }

            if (type.SpecialType == SpecialType.System_String)
            {
                return true;
            }

            return type is INamedTypeSymbol named
                && ((named.Name == "StringBuilder" && IsInNamespace(named, SystemText))
                    || (named.Name == "Uri" && IsInNamespace(named, SystemNamespace))
                    || ((named.Name is "ReadOnlySpan" or "Span" or "ReadOnlyMemory" or "Memory") && IsInNamespace(named, SystemNamespace)));
        }

        /// <summary>Sequences other than strings: arrays and anything implementing IEnumerable.</summary>
        public static bool IsSequence(ITypeSymbol? type)
        {
            if (type is null || type.SpecialType == SpecialType.System_String)
            {
                return false;
            }

            if (type is IArrayTypeSymbol)
            {
                return true;
            }

            if (type.SpecialType != SpecialType.None)
            {
                // int, object, DateTime, IEnumerable, Array...: decided without AllInterfaces (a new array on every call).
                return type.SpecialType is SpecialType.System_Collections_IEnumerable or SpecialType.System_Array
                    or SpecialType.System_Collections_Generic_IEnumerable_T or SpecialType.System_Collections_Generic_ICollection_T
                    or SpecialType.System_Collections_Generic_IList_T or SpecialType.System_Collections_Generic_IReadOnlyCollection_T
                    or SpecialType.System_Collections_Generic_IReadOnlyList_T;
            }

            if (type.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
            {
                return true;
            }

            foreach (var @interface in type.AllInterfaces)
            {
                if (@interface.SpecialType == SpecialType.System_Collections_IEnumerable)
                {
                    return true;
                }
            }

            return false;
        }

        // Namespaces as IsInNamespace takes them: allocated once, not on every test of a type.
        public static readonly string[] SystemNamespace = { "System" };
        private static readonly string[] SystemText = { "System", "Text" };
        public static readonly string[] SystemThreadingTasks = { "System", "Threading", "Tasks" };
        private static readonly string[] MicrosoftAspNetCoreIdentity = { "Microsoft", "AspNetCore", "Identity" };
        private static readonly string[] MicrosoftExtensionsLogging = { "Microsoft", "Extensions", "Logging" };
        private static readonly string[] MicrosoftExtensionsLocalization = { "Microsoft", "Extensions", "Localization" };

        /// <summary>True when <paramref name="type"/> sits in exactly the namespace <paramref name="parts"/>.</summary>
        public static bool IsInNamespace(ISymbol type, string[] parts)
        {
            var ns = type.ContainingNamespace;
            for (var i = parts.Length - 1; i >= 0; i--)
            {
                if (ns is null || ns.IsGlobalNamespace || ns.Name != parts[i])
                {
                    return false;
                }

                ns = ns.ContainingNamespace;
            }

            return ns is null || ns.IsGlobalNamespace;
        }

        /// <summary>True for <paramref name="interface"/> itself, or a type that implements it.</summary>
        public static bool Implements(ITypeSymbol type, INamedTypeSymbol? @interface)
            => @interface is not null
                && (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, @interface) || type.AllInterfaces.Contains(@interface, SymbolEqualityComparer.Default));

        /// <summary>True for <paramref name="type"/> or a type it derives from named <paramref name="metadataName"/>.</summary>
        public static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
        {
            if (baseType is null)
            {
                return false;
            }

            for (var current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The record's compiler-written clone method, which a <c>with</c> expression calls.</summary>
        public static bool IsRecordClone(IMethodSymbol method)
            => method.IsImplicitlyDeclared && method.Name == "<Clone>$" && method.Parameters.IsEmpty;

        /// <summary>The tuple type a method returns, directly or through <c>Task&lt;T&gt;</c>/<c>ValueTask&lt;T&gt;</c>, or null.</summary>
        public static INamedTypeSymbol? ReturnedTuple(IMethodSymbol method)
        {
            var type = method.ReturnType;
            if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1, Name: "Task" or "ValueTask" } task
                && task.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks")
            {
                type = task.TypeArguments[0];
            }

            return type is INamedTypeSymbol { IsTupleType: true, TupleElements.IsDefaultOrEmpty: false } tuple ? tuple : null;
        }
    }
}
