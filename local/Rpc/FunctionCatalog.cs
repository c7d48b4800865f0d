namespace Etransactions.Local.Rpc;

/// <summary>The app's functions as the worker's metadata response listed them; the host knows no other.</summary>
public sealed class FunctionCatalog(IReadOnlyList<AppFunction> functions)
{
    public IReadOnlyList<AppFunction> All => functions;

    public AppFunction? Find(string name) =>
        functions.FirstOrDefault(function => function.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    public IEnumerable<AppFunction> WithTrigger(string triggerType) => functions.Where(function => function.Is(triggerType));
}
