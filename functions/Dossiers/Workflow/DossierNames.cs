namespace Etransactions.Functions.Dossiers.Workflow;

/// <summary>The names of the dossier workflow's orchestration, events and activities.</summary>
public static class DossierNames
{
    public const string Orchestration = "dossierWorkflow";
    public const string ActionEvent = "dossierAction";
    public const string SignalEvent = "dossierSignal";
    public const string Apply = "dossierApply";
    public const string ApplySignal = "dossierApplySignal";
    public const string Notify = "dossierNotify";

    public static string InstanceId(string code) => $"dossier-{code}";
}

public sealed record DossierWorkflowInput(string Code);

public sealed record DossierWorkflowResult(string Code, string State);

public sealed record ApplyInput(string Code, DossierCommand Command);

public sealed record SignalInput(string Code, DeadlineSignal Signal);

public sealed record NotifyInput(string Code, int Sequence);

/// <summary>What an activity did: the history entry it wrote (null when it wrote none) and the state after.</summary>
public sealed record ApplyResult(int? Sequence, DossierState State);
