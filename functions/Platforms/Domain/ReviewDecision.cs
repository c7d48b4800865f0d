namespace Etransactions.Functions.Platforms.Domain;

/// <summary>The regulator's decision on a reported self-determination: in JSON <c>accept</c> or <c>return</c>.</summary>
public enum ReviewDecision
{
    Accept,
    Return,
}
