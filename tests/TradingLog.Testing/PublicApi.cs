using System.Reflection;
using System.Text;

namespace TradingLog.Testing;

/// <summary>
/// The public surface of an assembly as text, one line per type and member, sorted: what a user can call, and so what
/// a change must not alter by accident. Compared against <c>docs/api/NAME.txt</c>.
/// </summary>
public static class PublicApi
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    public static string Of(Assembly assembly)
    {
        var lines = new List<string>();
        foreach (var type in assembly.GetExportedTypes())
        {
            lines.Add($"{Kind(type)} {Name(type)}{Bases(type)}");
            foreach (var member in type.GetMembers(Declared).Where(Visible))
            {
                lines.Add($"  {Name(type)}::{Describe(member)}");
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return string.Join('\n', lines) + '\n';
    }

    /// <summary>The number of public types.</summary>
    public static int TypeCount(Assembly assembly) => assembly.GetExportedTypes().Length;

    private static bool Visible(MemberInfo member) => member switch
    {
        MethodInfo m => !m.IsSpecialName && (m.IsPublic || m.IsFamily || m.IsFamilyOrAssembly),
        ConstructorInfo c => c.IsPublic || c.IsFamily,
        FieldInfo f => !f.IsSpecialName && (f.IsPublic || f.IsFamily),
        _ => true,
    };

    private static string Kind(Type type) => type switch
    {
        { IsInterface: true } => "interface",
        { IsEnum: true } => "enum",
        { IsValueType: true } => "struct",
        _ when typeof(Delegate).IsAssignableFrom(type) => "delegate",
        { IsAbstract: true, IsSealed: true } => "static class",
        { IsSealed: true } => "sealed class",
        { IsAbstract: true } => "abstract class",
        _ => "class",
    };

    private static string Bases(Type type)
    {
        var bases = new List<string>();
        if (type.BaseType is { } b && b != typeof(object) && b != typeof(ValueType) && b != typeof(Enum) && !typeof(Delegate).IsAssignableFrom(type))
        {
            bases.Add(Name(b));
        }

        bases.AddRange(type.GetInterfaces().Select(Name).Order(StringComparer.Ordinal));
        return bases.Count == 0 ? "" : " : " + string.Join(", ", bases);
    }

    private static string Describe(MemberInfo member) => member switch
    {
        ConstructorInfo c => $".ctor({Parameters(c)})",
        MethodInfo m => $"{(m.IsStatic ? "static " : "")}{m.Name}{Generic(m)}({Parameters(m)}) : {Name(m.ReturnType)}",
        PropertyInfo p => $"{(p.GetMethod?.IsStatic ?? p.SetMethod?.IsStatic ?? false ? "static " : "")}{p.Name} : {Name(p.PropertyType)}" +
                          $" {{ {(p.GetMethod?.IsPublic == true ? "get; " : "")}{(p.SetMethod?.IsPublic == true ? Setter(p.SetMethod) : "")}}}",
        FieldInfo f => $"{(f.IsLiteral ? "const " : f.IsStatic ? "static " : "")}{(f.IsInitOnly ? "readonly " : "")}{f.Name} : {Name(f.FieldType)}" +
                       (f.IsLiteral ? " = " + Literal(f.GetRawConstantValue()) : ""),
        EventInfo e => $"event {e.Name} : {Name(e.EventHandlerType!)}",
        Type t => $"nested {Name(t)}",
        _ => member.Name,
    };

    private static string Setter(MethodInfo set) =>
        set.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.Name == "IsExternalInit") ? "init; " : "set; ";

    private static string Literal(object? value) => value switch
    {
        null => "null",
        string s => "\"" + s + "\"",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Generic(MethodInfo method) =>
        method.IsGenericMethodDefinition ? "<" + string.Join(", ", method.GetGenericArguments().Select(a => a.Name)) + ">" : "";

    private static string Parameters(MethodBase method) => string.Join(", ", method.GetParameters().Select(p =>
    {
        var text = new StringBuilder();
        if (p.GetCustomAttributes(typeof(ParamArrayAttribute), false).Length > 0)
        {
            text.Append("params ");
        }

        text.Append(p.ParameterType.IsByRef ? (p.IsOut ? "out " : "ref ") + Name(p.ParameterType.GetElementType()!) : Name(p.ParameterType));
        text.Append(' ').Append(p.Name);
        if (p.HasDefaultValue)
        {
            text.Append(" = ").Append(Literal(p.DefaultValue));
        }

        return text.ToString();
    }));

    private static string Name(Type type)
    {
        if (type.IsGenericParameter)
        {
            return type.Name;
        }

        if (type.IsArray)
        {
            return Name(type.GetElementType()!) + "[]";
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Name(underlying) + "?";
        }

        var name = type.IsNested ? Name(type.DeclaringType!) + "." + type.Name : type.Namespace is null ? type.Name : type.Namespace + "." + type.Name;
        if (type.IsGenericType)
        {
            name = name[..name.IndexOf('`', StringComparison.Ordinal)] + "<" + string.Join(", ", type.GetGenericArguments().Select(Name)) + ">";
        }

        return name;
    }

    /// <summary>
    /// Checks that <paramref name="assembly"/>'s public surface is the one listed in <c>docs/api/NAME.txt</c>; on a
    /// difference writes <c>NAME.received.txt</c> beside the list, to compare or to copy over, and fails.
    /// </summary>
    public static void AssertListed(Assembly assembly)
    {
        var package = assembly.GetName().Name!;
        var listed = Path.Combine(Repository.Root, "docs", "api", package + ".txt");
        var actual = Of(assembly);
        var expected = File.Exists(listed) ? File.ReadAllText(listed).Replace("\r\n", "\n", StringComparison.Ordinal) : "";
        var received = Path.ChangeExtension(listed, ".received.txt");
        if (expected != actual)
        {
            File.WriteAllText(received, actual);
        }

        Xunit.Assert.True(expected == actual, $"The public API of {package} differs from {listed}; see {received} and copy it over if the change is meant.");
    }

}
