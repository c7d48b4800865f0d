namespace Etransactions.Functions.Identity;

/// <summary>An actor as the API writes it: <c>sub</c>, <c>name</c>, <c>roles</c> (in the order of <see cref="Roles.All"/>) and <c>agency</c> (null for none).</summary>
public sealed record ActorView(string Sub, string Name, IReadOnlyList<string> Roles, string? Agency)
{
    public static ActorView Of(Actor actor) =>
        new(actor.Subject, actor.Name, [.. Identity.Roles.All.Where(actor.Has)], actor.Agency);
}
