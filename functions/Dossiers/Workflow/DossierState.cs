namespace Etransactions.Functions.Dossiers.Workflow;

/// <summary>
/// Where a dossier stands. Overdue is not a state: it is read from the deadline. Paused states stop the clock of
/// the procedure's time limit; final states end the dossier.
/// </summary>
public enum DossierState
{
    /// <summary>Submitted and acknowledged; the receiving officer has 8 working hours to accept, refuse or ask for a supplement.</summary>
    Received,

    /// <summary>Asked at intake to complete the dossier (Mẫu 02); the time limit has not started.</summary>
    SupplementAtIntake,

    /// <summary>Refused at intake, with reasons (Mẫu 03).</summary>
    Refused,

    /// <summary>Accepted; fees and charges are due before processing (the clock is paused).</summary>
    AwaitingPayment,

    /// <summary>Accepted and going through the procedure's steps.</summary>
    Processing,

    /// <summary>Asked during processing to supplement the dossier (the clock is paused).</summary>
    SupplementRequested,

    /// <summary>Waiting for another agency's coordination opinion (the clock runs).</summary>
    AwaitingOpinion,

    /// <summary>Resolved: the result issued and returned online.</summary>
    Resolved,

    /// <summary>Withdrawn by the applicant.</summary>
    Withdrawn,

    /// <summary>Processing stopped, with reasons.</summary>
    Stopped,
}

public static class DossierStates
{
    public static bool IsFinal(this DossierState state) =>
        state is DossierState.Refused or DossierState.Resolved or DossierState.Withdrawn or DossierState.Stopped;

    public static bool IsPaused(this DossierState state) =>
        state is DossierState.AwaitingPayment or DossierState.SupplementRequested;

    /// <summary>Accepted and not finished: the time limit applies.</summary>
    public static bool IsInProcessing(this DossierState state) =>
        state is DossierState.AwaitingPayment or DossierState.Processing or DossierState.SupplementRequested or DossierState.AwaitingOpinion;

    /// <summary>Vietnamese names for notices and pages.</summary>
    public static string Vietnamese(this DossierState state) => state switch
    {
        DossierState.Received => "Mới tiếp nhận",
        DossierState.SupplementAtIntake => "Yêu cầu bổ sung khi tiếp nhận",
        DossierState.Refused => "Không được tiếp nhận",
        DossierState.AwaitingPayment => "Chờ thực hiện nghĩa vụ tài chính",
        DossierState.Processing => "Đang xử lý",
        DossierState.SupplementRequested => "Yêu cầu bổ sung",
        DossierState.AwaitingOpinion => "Chờ ý kiến phối hợp",
        DossierState.Resolved => "Đã trả kết quả",
        DossierState.Withdrawn => "Đã rút hồ sơ",
        DossierState.Stopped => "Dừng xử lý",
        _ => state.ToString(),
    };
}
