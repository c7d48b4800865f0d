namespace Etransactions.Functions.Dossiers.Workflow;

/// <summary>What an applicant or an officer does to a dossier (<c>POST /api/dossiers/{code}/actions</c>), in the API's camelCase.</summary>
public enum DossierAction
{
    Accept,
    Refuse,
    RequestSupplement,
    CompleteSupplement,
    Transfer,
    RequestOpinion,
    GiveOpinion,
    SubmitForApproval,
    Approve,
    SendBack,
    Sign,
    Issue,
    Apologize,
    PayFee,
    Withdraw,
    Stop,
}

public static class DossierActions
{
    /// <summary>The actions a procedure lists as its steps, in the order they may come; the others can happen at any suitable state.</summary>
    public static readonly IReadOnlyList<DossierAction> Steps =
        [DossierAction.Accept, DossierAction.SubmitForApproval, DossierAction.Approve, DossierAction.Sign, DossierAction.Issue];

    /// <summary>The place of a step action in <see cref="Steps"/>, or -1 for an action that is not a step.</summary>
    public static int StepOrder(DossierAction action)
    {
        for (var i = 0; i < Steps.Count; i++)
        {
            if (Steps[i] == action)
            {
                return i;
            }
        }
        return -1;
    }
}
