using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Marsad.Tests.Architecture;

/// <summary>
/// Which namespaces of a compiled assembly use which, read from its metadata: every type a type
/// names in its base types, fields, properties and signatures, and every type, method and field its
/// method bodies name (the IL's tokens and locals), so a use inside a body counts as much as one in
/// a signature. Nested and compiler-made types (closures, state machines) count for the namespace of
/// the type they are in.
/// </summary>
internal sealed class NamespaceGraph
{
    private static readonly OpcodeOperands Operands = new();

    private readonly Dictionary<string, Dictionary<string, string>> uses = [];

    private NamespaceGraph()
    {
    }

    /// <summary>Each namespace and the namespaces it uses, each use with one example ("A.X uses B.Y").</summary>
    public IReadOnlyDictionary<string, Dictionary<string, string>> Uses => uses;

    /// <summary>The graph among the namespaces of <paramref name="assemblyPath"/> that are <paramref name="root"/> or under it.</summary>
    public static NamespaceGraph Read(string assemblyPath, string root)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var image = new PEReader(stream);
        var metadata = image.GetMetadataReader();
        var graph = new NamespaceGraph();
        foreach (var handle in metadata.TypeDefinitions)
        {
            var from = NamespaceOf(metadata, handle);
            if (!IsUnder(from, root))
            {
                continue;
            }

            var used = new TypeCollector(metadata);
            CollectUses(image, metadata, metadata.GetTypeDefinition(handle), used);
            foreach (var target in used.Types)
            {
                var to = NamespaceOf(metadata, target);
                if (to != from && IsUnder(to, root))
                {
                    var targets = graph.uses.TryGetValue(from, out var known) ? known : graph.uses[from] = [];
                    targets.TryAdd(to, $"{FullName(metadata, handle)} uses {FullName(metadata, target)}");
                }
            }
        }

        return graph;
    }

    /// <summary>
    /// Every set of namespaces that use each other round a cycle (the strongly connected components
    /// with more than one namespace), each with the uses that close it.
    /// </summary>
    public IReadOnlyList<string> Cycles()
    {
        var cycles = new List<string>();
        foreach (var component in StronglyConnected())
        {
            if (component.Count < 2)
            {
                continue;
            }

            var members = component.ToHashSet();
            var edges = component.Order(StringComparer.Ordinal)
                .SelectMany(from => uses[from].Where(use => members.Contains(use.Key)).Select(use => $"  {from} → {use.Key} ({use.Value})"));
            cycles.Add(string.Join(", ", component.Order(StringComparer.Ordinal)) + ":\n" + string.Join("\n", edges));
        }

        return cycles;
    }

    private List<List<string>> StronglyConnected()
    {
        // Tarjan's algorithm, recursive: a namespace graph has tens of nodes.
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var components = new List<List<string>>();
        var nodes = uses.Keys.Concat(uses.Values.SelectMany(targets => targets.Keys)).Distinct().Order(StringComparer.Ordinal);

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            foreach (var next in uses.TryGetValue(node, out var targets) ? targets.Keys.ToList() : [])
            {
                if (!index.TryGetValue(next, out var seen))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (stack.Contains(next))
                {
                    low[node] = Math.Min(low[node], seen);
                }
            }

            if (low[node] == index[node])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    component.Add(member);
                }
                while (member != node);
                components.Add(component);
            }
        }

        foreach (var node in nodes.Where(node => !index.ContainsKey(node)).ToList())
        {
            Visit(node);
        }

        return components;
    }

    private static void CollectUses(PEReader image, MetadataReader metadata, TypeDefinition type, TypeCollector used)
    {
        used.Add(type.BaseType);
        foreach (var implementation in type.GetInterfaceImplementations())
        {
            used.Add(metadata.GetInterfaceImplementation(implementation).Interface);
        }

        foreach (var field in type.GetFields())
        {
            metadata.GetFieldDefinition(field).DecodeSignature(used, null);
        }

        foreach (var property in type.GetProperties())
        {
            metadata.GetPropertyDefinition(property).DecodeSignature(used, null);
        }

        foreach (var handle in type.GetMethods())
        {
            var method = metadata.GetMethodDefinition(handle);
            method.DecodeSignature(used, null);
            if (method.RelativeVirtualAddress == 0)
            {
                continue;
            }

            var body = image.GetMethodBody(method.RelativeVirtualAddress);
            if (!body.LocalSignature.IsNil)
            {
                metadata.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(used, null);
            }

            CollectTokens(body.GetILReader(), used);
        }
    }

    /// <summary>The types, methods and fields an IL body names, read opcode by opcode.</summary>
    private static void CollectTokens(BlobReader il, TypeCollector used)
    {
        while (il.RemainingBytes > 0)
        {
            int code = il.ReadByte();
            if (code == 0xFE)
            {
                code = 0xFE00 | il.ReadByte();
            }

            switch (Operands[code])
            {
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType:
                    used.Add(MetadataTokens.EntityHandle(il.ReadInt32()));
                    break;
                case OperandType.InlineSwitch:
                    var targets = il.ReadInt32();
                    il.Offset += 4 * targets;
                    break;
                case var other:
                    il.Offset += OpcodeOperands.Size(other);
                    break;
            }
        }
    }

    private static bool IsUnder(string name, string root) => name == root || name.StartsWith(root + ".", StringComparison.Ordinal);

    private static string NamespaceOf(MetadataReader metadata, TypeDefinitionHandle handle)
    {
        var type = metadata.GetTypeDefinition(handle);
        while (type.IsNested)
        {
            type = metadata.GetTypeDefinition(type.GetDeclaringType());
        }

        return metadata.GetString(type.Namespace);
    }

    private static string FullName(MetadataReader metadata, TypeDefinitionHandle handle)
    {
        var type = metadata.GetTypeDefinition(handle);
        return type.IsNested
            ? FullName(metadata, type.GetDeclaringType()) + "+" + metadata.GetString(type.Name)
            : metadata.GetString(type.Namespace) + "." + metadata.GetString(type.Name);
    }

    /// <summary>The operand kind of every IL opcode, from the runtime's own opcode table.</summary>
    private sealed class OpcodeOperands
    {
        private readonly Dictionary<int, OperandType> kinds = typeof(OpCodes)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(field => (OpCode)field.GetValue(null)!)
            .ToDictionary(code => code.Value & 0xFFFF, code => code.OperandType);

        public OperandType this[int code] => kinds[code];

        public static int Size(OperandType kind) => kind switch
        {
            OperandType.InlineNone => 0,
            OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
            OperandType.InlineVar => 2,
            OperandType.InlineI8 or OperandType.InlineR => 8,
            _ => 4,
        };
    }

    /// <summary>Decodes signatures only to note the types of this assembly they name.</summary>
    private sealed class TypeCollector(MetadataReader metadata) : ISignatureTypeProvider<object?, object?>
    {
        public HashSet<TypeDefinitionHandle> Types { get; } = [];

        public void Add(EntityHandle handle)
        {
            switch (handle.Kind)
            {
                case HandleKind.TypeDefinition:
                    Types.Add((TypeDefinitionHandle)handle);
                    break;
                case HandleKind.TypeSpecification:
                    metadata.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(this, null);
                    break;
                case HandleKind.MethodDefinition:
                    Types.Add(metadata.GetMethodDefinition((MethodDefinitionHandle)handle).GetDeclaringType());
                    break;
                case HandleKind.FieldDefinition:
                    Types.Add(metadata.GetFieldDefinition((FieldDefinitionHandle)handle).GetDeclaringType());
                    break;
                case HandleKind.MemberReference:
                    AddMember(metadata.GetMemberReference((MemberReferenceHandle)handle));
                    break;
                case HandleKind.MethodSpecification:
                    var specification = metadata.GetMethodSpecification((MethodSpecificationHandle)handle);
                    Add(specification.Method);
                    specification.DecodeSignature(this, null);
                    break;
                default:
                    break;
            }
        }

        public object? GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
        {
            Types.Add(handle);
            return null;
        }

        public object? GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind)
        {
            Add(handle);
            return null;
        }

        public object? GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => null;

        public object? GetArrayType(object? elementType, ArrayShape shape) => null;

        public object? GetByReferenceType(object? elementType) => null;

        public object? GetFunctionPointerType(MethodSignature<object?> signature) => null;

        public object? GetGenericInstantiation(object? genericType, ImmutableArray<object?> typeArguments) => null;

        public object? GetGenericMethodParameter(object? genericContext, int index) => null;

        public object? GetGenericTypeParameter(object? genericContext, int index) => null;

        public object? GetModifiedType(object? modifier, object? unmodifiedType, bool isRequired) => null;

        public object? GetPinnedType(object? elementType) => null;

        public object? GetPointerType(object? elementType) => null;

        public object? GetPrimitiveType(PrimitiveTypeCode typeCode) => null;

        public object? GetSZArrayType(object? elementType) => null;

        private void AddMember(MemberReference member)
        {
            Add(member.Parent);
            if (member.GetKind() == MemberReferenceKind.Method)
            {
                member.DecodeMethodSignature(this, null);
            }
            else
            {
                member.DecodeFieldSignature(this, null);
            }
        }
    }
}
