// Two namespaces that use each other, one of them only inside a method body: what the cycle test
// must find in Core if it ever appears there.
namespace Marsad.Tests.Architecture.Fixtures.Cyclic
{
    internal static class Names
    {
        public const string Root = "Marsad.Tests.Architecture.Fixtures.Cyclic";
    }
}

namespace Marsad.Tests.Architecture.Fixtures.Cyclic.Left
{
    internal sealed record Leaf(Right.Branch? Branch);
}

namespace Marsad.Tests.Architecture.Fixtures.Cyclic.Right
{
    internal sealed class Branch
    {
        public static object Grow() => new Left.Leaf(null);
    }
}
