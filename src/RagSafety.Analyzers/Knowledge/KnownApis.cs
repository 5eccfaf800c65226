using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace RagSafety.Analyzers.Knowledge
{
    /// <summary>
    /// The catalog resolved against one compilation: type and member lookups by symbol, built once and then read
    /// concurrently. A method counts when it is catalogued itself, or overrides / implements a catalogued member
    /// (so a user's own IChatClient implementation is an AI call too).
    /// </summary>
    internal sealed class KnownApis
    {
        private readonly Dictionary<INamedTypeSymbol, TypeRoles> _types;
        private readonly ImmutableHashSet<ISymbol> _userMembers;
        private readonly ConcurrentDictionary<IMethodSymbol, ApiRoleSet> _methodRoles = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<INamedTypeSymbol, ApiRoleSet> _inheritedTypeRoles = new(SymbolEqualityComparer.Default);

        private KnownApis(Dictionary<INamedTypeSymbol, TypeRoles> types, ImmutableHashSet<ISymbol> userMembers, bool referencesAiLibrary)
        {
            _types = types;
            _userMembers = userMembers;
            ReferencesAiLibrary = referencesAiLibrary;
        }

        /// <summary>True when any catalogued library other than the .NET framework is referenced (or the user catalogued own APIs).</summary>
        public bool ReferencesAiLibrary { get; }

        /// <summary>
        /// Whether the package can have anything to say: a catalogued library is referenced, or the user catalogued own
        /// APIs. Answered from assembly names alone, without loading any type, so projects without AI pay nothing.
        /// </summary>
        public static bool MayApply(Compilation compilation, UserApis userApis) =>
            userApis.HasIds || compilation.ReferencedAssemblyNames.Any(name => ApiCatalog.LibraryNames.Contains(name.Name));

        public static KnownApis Create(Compilation compilation, IEnumerable<ApiEntry> entries, UserApis userApis)
        {
            var types = new Dictionary<INamedTypeSymbol, TypeRoles>(SymbolEqualityComparer.Default);
            var referencesAiLibrary = false;
            ReferenceLookups? references = null;
            foreach (var entry in entries)
            {
                // Built on the first entry: a project the catalog does not apply to looks nothing up.
                references ??= ReferenceLookups.Of(compilation);
                foreach (var type in Resolve(compilation, references, entry))
                {
                    referencesAiLibrary |= ApiCatalog.IsAiLibrary(entry.Library);
                    if (!types.TryGetValue(type, out var roles))
                    {
                        roles = new TypeRoles();
                        types.Add(type, roles);
                    }

                    roles.Add(entry);
                }
            }

            var userMembers = ImmutableHashSet.CreateBuilder<ISymbol>(SymbolEqualityComparer.Default);
            foreach (var (role, symbol) in userApis.Resolve(compilation))
            {
                referencesAiLibrary = true;
                if (symbol is INamedTypeSymbol userType)
                {
                    if (!types.TryGetValue(userType, out var roles))
                    {
                        roles = new TypeRoles();
                        types.Add(userType, roles);
                    }

                    roles.Add(new ApiEntry(role, userType.MetadataName, null, null, "user"));
                }
                else
                {
                    userMembers.Add(symbol);
                    var roles = types.TryGetValue(symbol.ContainingType, out var existing) ? existing : new TypeRoles();
                    types[symbol.ContainingType] = roles;
                    roles.AddUserMember(symbol, role);
                }
            }

            return new KnownApis(types, userMembers.ToImmutable(), referencesAiLibrary);
        }

        /// <summary>
        /// The entry's type. Some libraries declare the same name in several assemblies (Kernel Memory's
        /// KernelMemoryBuilderExtensions), so the one from the catalogued assembly is taken; a name that only one
        /// reference (or the project itself) declares is taken from wherever it is.
        /// </summary>
        private static ImmutableArray<INamedTypeSymbol> Resolve(Compilation compilation, ReferenceLookups references, ApiEntry entry)
        {
            var (ownLibrary, types) = references.Resolve(entry);
            if (ownLibrary)
            {
                return types;
            }

            // Framework types, and types a library forwards or moved elsewhere: every reference, and the project's own code.
            var candidates = compilation.Assembly.GetTypeByMetadataName(entry.TypeName) is { } declaredHere ? types.Insert(0, declaredHere) : types;
            if (candidates.Length <= 1)
            {
                return candidates;
            }

            var fromLibrary = candidates.Where(t => t.ContainingAssembly?.Name == entry.Library).ToImmutableArray();
            return fromLibrary.IsEmpty ? candidates : fromLibrary;
        }

        /// <summary>
        /// The catalog's lookups in one set of referenced assemblies, shared by every compilation with exactly that set: an
        /// IDE's compilation after a keystroke keeps its predecessor's reference symbols, and looking each catalogued type up
        /// in each of a web project's couple of hundred references again cost 20–30 ms per keystroke. Keyed weakly by the
        /// core library's symbol; a compilation whose references differ builds its own.
        /// </summary>
        private sealed class ReferenceLookups
        {
            private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IAssemblySymbol, Holder> ByCoreLibrary = new();

            private readonly ImmutableArray<IAssemblySymbol> _assemblies;
            private readonly ILookup<string, IAssemblySymbol> _byName;
            private readonly ConcurrentDictionary<(string TypeName, string Library), (bool OwnLibrary, ImmutableArray<INamedTypeSymbol> Types)> _resolved = new();

            private ReferenceLookups(ImmutableArray<IAssemblySymbol> assemblies)
            {
                _assemblies = assemblies;
                _byName = assemblies.ToLookup(a => a.Name, System.StringComparer.Ordinal);
            }

            public static ReferenceLookups Of(Compilation compilation)
            {
                var assemblies = compilation.References.Select(compilation.GetAssemblyOrModuleSymbol).OfType<IAssemblySymbol>().ToImmutableArray();
                if (compilation.ObjectType.ContainingAssembly is not { } coreLibrary)
                {
                    return new ReferenceLookups(assemblies);
                }

                var holder = ByCoreLibrary.GetValue(coreLibrary, _ => new Holder());
                var current = holder.Current;
                if (current is not null && current._assemblies.SequenceEqual(assemblies, (a, b) => ReferenceEquals(a, b)))
                {
                    return current;
                }

                var lookups = new ReferenceLookups(assemblies);
                holder.Current = lookups;
                return lookups;
            }

            /// <summary>
            /// A library's own assembly first (only that assembly's types load; not referenced: nothing to find, and
            /// <c>OwnLibrary</c> is true with no type), else the types of that name in every reference (<c>OwnLibrary</c> false).
            /// </summary>
            public (bool OwnLibrary, ImmutableArray<INamedTypeSymbol> Types) Resolve(ApiEntry entry) =>
                _resolved.GetOrAdd((entry.TypeName, entry.Library), key =>
                {
                    if (key.Library != ApiCatalog.FrameworkLibrary)
                    {
                        if (!_byName.Contains(key.Library))
                        {
                            return (true, ImmutableArray<INamedTypeSymbol>.Empty);
                        }

                        var own = _byName[key.Library].Select(a => a.GetTypeByMetadataName(key.TypeName)).OfType<INamedTypeSymbol>().ToImmutableArray();
                        if (!own.IsEmpty)
                        {
                            return (true, own);
                        }
                    }

                    return (false, _assemblies.Select(a => a.GetTypeByMetadataName(key.TypeName)).OfType<INamedTypeSymbol>().ToImmutableArray());
                });

            private sealed class Holder
            {
                public volatile ReferenceLookups? Current;
            }
        }

        /// <summary>Whether the type itself (or a base type / interface of it) is catalogued with the role.</summary>
        public bool TypeHasRole(ITypeSymbol? type, ApiRole role) =>
            type is INamedTypeSymbol named && _inheritedTypeRoles.GetOrAdd(named.OriginalDefinition, InheritedTypeRoles).Contains(role);

        /// <summary>
        /// The roles catalogued for the type, its base types and its interfaces; kept per type, since reading a symbol's
        /// interfaces builds a new array each time.
        /// </summary>
        private ApiRoleSet InheritedTypeRoles(INamedTypeSymbol type)
        {
            var roles = ApiRoleSet.Empty;
            for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType?.OriginalDefinition)
            {
                if (_types.TryGetValue(current, out var own))
                {
                    roles = roles.Union(own.TypeRoleSet);
                }
            }

            foreach (var @interface in type.AllInterfaces)
            {
                if (_types.TryGetValue(@interface.OriginalDefinition, out var own))
                {
                    roles = roles.Union(own.TypeRoleSet);
                }
            }

            return roles;
        }

        /// <summary>Whether the type's own definition is catalogued with the role (not through a base type or an interface).</summary>
        public bool IsCataloguedType(INamedTypeSymbol type, ApiRole role) =>
            _types.TryGetValue(type.OriginalDefinition, out var roles) && roles.TypeRoleSet.Contains(role);

        /// <summary>The roles of a method: catalogued directly (incl. extension methods in reduced form), or by what it overrides or implements.</summary>
        public ApiRoleSet RolesOf(IMethodSymbol method)
        {
            var definition = (method.ReducedFrom ?? method).OriginalDefinition;
            return _methodRoles.GetOrAdd(definition, ComputeRoles);
        }

        public bool IsAiCall(IMethodSymbol method) => RolesOf(method).Contains(ApiRole.AiCall);

        public bool IsIndexWrite(IMethodSymbol method) => RolesOf(method).Contains(ApiRole.IndexWrite);

        /// <summary>Whether the method itself is one the user added through <c>rag_safety.&lt;role&gt;_apis</c>.</summary>
        public bool IsUserApi(IMethodSymbol method) => _userMembers.Contains((method.ReducedFrom ?? method).OriginalDefinition);

        /// <summary>Entries of a role on a member (by name) of the type or its bases, e.g. the parameters that carry credentials.</summary>
        public IEnumerable<ApiEntry> MemberEntries(INamedTypeSymbol type, string memberName, ApiRole role)
        {
            for (INamedTypeSymbol? current = type.OriginalDefinition; current is not null; current = current.BaseType?.OriginalDefinition)
            {
                if (_types.TryGetValue(current, out var roles))
                {
                    foreach (var entry in roles.MemberEntries(memberName))
                    {
                        if (entry.Role == role)
                        {
                            yield return entry;
                        }
                    }
                }
            }
        }

        /// <summary>
        /// The names of the methods that carry the role: the catalogued members and the user's own. A method reaches the
        /// role only by invoking one of these names (an override or implementation of a catalogued member shares its name).
        /// </summary>
        public ImmutableHashSet<string> MethodNamesWithRole(ApiRole role)
        {
            var names = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
            foreach (var roles in _types.Values)
            {
                roles.AddMemberNames(role, names);
            }

            return names.ToImmutable();
        }

        private ApiRoleSet ComputeRoles(IMethodSymbol method)
        {
            // The method and what it overrides: an override of a catalogued virtual, or of a base method that
            // implements a catalogued interface member (DelegatingChatClient), takes the role too.
            var chain = new List<IMethodSymbol>();
            for (IMethodSymbol? current = method; current is not null; current = current.OverriddenMethod)
            {
                chain.Add(current.OriginalDefinition);
            }

            var roles = ApiRoleSet.Empty;
            foreach (var member in chain)
            {
                roles = roles.Union(DirectRoles(member));
            }

            if (method.ContainingType is not { } containingType || method.IsStatic || method.MethodKind is not (MethodKind.Ordinary or MethodKind.ExplicitInterfaceImplementation))
            {
                return roles;
            }

            foreach (var implemented in method.ExplicitInterfaceImplementations)
            {
                roles = roles.Union(DirectRoles(implemented.OriginalDefinition));
            }

            foreach (var @interface in containingType.AllInterfaces)
            {
                if (!_types.TryGetValue(@interface.OriginalDefinition, out var interfaceRoles) || !interfaceRoles.HasMember(method.Name))
                {
                    continue;
                }

                foreach (var member in @interface.GetMembers(method.Name).OfType<IMethodSymbol>())
                {
                    var implementation = containingType.FindImplementationForInterfaceMember(member)?.OriginalDefinition;
                    if (implementation is not null && chain.Contains(implementation, SymbolEqualityComparer.Default))
                    {
                        roles = roles.Union(DirectRoles(member.OriginalDefinition));
                    }
                }
            }

            return roles;
        }

        private ApiRoleSet DirectRoles(IMethodSymbol method)
        {
            if (method.ContainingType is null || !_types.TryGetValue(method.ContainingType.OriginalDefinition, out var roles))
            {
                return ApiRoleSet.Empty;
            }

            var set = roles.MemberRoles(method.MethodKind == MethodKind.Constructor ? ".ctor" : method.Name);
            return _userMembers.Contains(method) ? set.Union(roles.UserMemberRoles(method)) : set;
        }

        /// <summary>Roles catalogued on one type: on the type itself and per member name.</summary>
        private sealed class TypeRoles
        {
            private readonly Dictionary<string, List<ApiEntry>> _members = new(StringComparer.Ordinal);
            private readonly Dictionary<ISymbol, ApiRoleSet> _userMembers = new(SymbolEqualityComparer.Default);

            public ApiRoleSet TypeRoleSet { get; private set; }

            public void Add(ApiEntry entry)
            {
                if (entry.Member is null)
                {
                    TypeRoleSet = TypeRoleSet.With(entry.Role);
                    return;
                }

                if (!_members.TryGetValue(entry.Member, out var list))
                {
                    list = new List<ApiEntry>();
                    _members.Add(entry.Member, list);
                }

                list.Add(entry);
            }

            public void AddUserMember(ISymbol member, ApiRole role) =>
                _userMembers[member] = UserMemberRoles(member).With(role);

            public bool HasMember(string name) => _members.ContainsKey(name) || _userMembers.Keys.Any(m => m.Name == name);

            public IEnumerable<ApiEntry> MemberEntries(string name) =>
                _members.TryGetValue(name, out var list) ? list : Enumerable.Empty<ApiEntry>();

            public ApiRoleSet MemberRoles(string name)
            {
                var set = ApiRoleSet.Empty;
                foreach (var entry in MemberEntries(name))
                {
                    // Parameter-scoped entries (sinks, credentials, timeouts) do not make the call itself an AI call or write.
                    if (entry.Parameter is null)
                    {
                        set = set.With(entry.Role);
                    }
                }

                return set;
            }

            public void AddMemberNames(ApiRole role, ISet<string> names)
            {
                foreach (var name in _members.Keys)
                {
                    if (MemberRoles(name).Contains(role))
                    {
                        names.Add(name);
                    }
                }

                foreach (var member in _userMembers)
                {
                    if (member.Value.Contains(role))
                    {
                        names.Add(member.Key.Name);
                    }
                }
            }

            public ApiRoleSet UserMemberRoles(ISymbol member) =>
                _userMembers.TryGetValue(member, out var set) ? set : ApiRoleSet.Empty;
        }
    }

    /// <summary>A small immutable set of roles (a bit mask).</summary>
    internal readonly struct ApiRoleSet
    {
        private readonly int _bits;

        private ApiRoleSet(int bits) => _bits = bits;

        public static ApiRoleSet Empty => default;

        public bool IsEmpty => _bits == 0;

        public bool Contains(ApiRole role) => (_bits & (1 << (int)role)) != 0;

        public ApiRoleSet With(ApiRole role) => new(_bits | (1 << (int)role));

        public ApiRoleSet Union(ApiRoleSet other) => new(_bits | other._bits);
    }
}
