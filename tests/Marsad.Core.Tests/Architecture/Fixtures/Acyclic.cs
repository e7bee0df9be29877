// Two namespaces, the upper one using the lower one and not the other way round.
namespace Marsad.Tests.Architecture.Fixtures.Acyclic
{
    internal static class Names
    {
        public const string Root = "Marsad.Tests.Architecture.Fixtures.Acyclic";
    }
}

namespace Marsad.Tests.Architecture.Fixtures.Acyclic.Lower
{
    internal sealed record Brick(int Size);
}

namespace Marsad.Tests.Architecture.Fixtures.Acyclic.Upper
{
    internal sealed class Wall
    {
        public static object Build() => new Lower.Brick(1);
    }
}
