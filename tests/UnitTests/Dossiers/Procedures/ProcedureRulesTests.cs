using Etransactions.Functions.Core.Problems;
using Etransactions.Functions.Dossiers.Procedures;
using Etransactions.Functions.Dossiers.Workflow;
using Etransactions.Functions.Identity;
using static Etransactions.UnitTests.Dossiers.DossierSamples;

namespace Etransactions.UnitTests.Dossiers.Procedures;

/// <summary><see cref="ProcedureRules"/>: what a procedure's fields must say together, and its code.</summary>
public class ProcedureRulesTests
{
    private static ProcedureStep Step(DossierAction action, string role = Roles.Processor) => new(action, role);

    private static IReadOnlyList<string> ErrorsOf(ProcedureBody body) =>
        [.. Assert.Throws<ValidationFailedException>(() => ProcedureRules.Check(body)).Errors.Select(error => error.Field)];

    [Fact]
    public void The_sample_procedure_passes()
    {
        ProcedureRules.Check(Body);
        Assert.Equal(10, Body.TimeLimit.Value);
        Assert.Equal(200_000, JudicialRecord.TotalFees);
    }

    [Fact]
    public void Accept_then_issue_alone_is_enough()
    {
        ProcedureRules.Check(Body with { Steps = [Step(DossierAction.Accept, Roles.Receiver), Step(DossierAction.Issue, Roles.Receiver)] });
    }

    [Fact]
    public void Steps_begin_with_accept_and_end_with_issue()
    {
        Assert.Equal(["steps"], ErrorsOf(Body with { Steps = [Step(DossierAction.SubmitForApproval), Step(DossierAction.Issue)] }));
        Assert.Equal(["steps"], ErrorsOf(Body with { Steps = [Step(DossierAction.Accept), Step(DossierAction.Sign)] }));
        Assert.Equal(["steps"], ErrorsOf(Body with { Steps = [Step(DossierAction.Accept)] }));
        Assert.Equal(["steps"], ErrorsOf(Body with { Steps = [] }));
    }

    [Fact]
    public void Steps_come_in_order_once_each()
    {
        Assert.Equal(["steps.2.action"], ErrorsOf(Body with
        {
            Steps = [Step(DossierAction.Accept), Step(DossierAction.Approve), Step(DossierAction.SubmitForApproval), Step(DossierAction.Issue)],
        }));
        Assert.Equal(["steps.2.action"], ErrorsOf(Body with
        {
            Steps = [Step(DossierAction.Accept), Step(DossierAction.Approve), Step(DossierAction.Approve), Step(DossierAction.Issue)],
        }));
    }

    [Fact]
    public void A_step_is_a_step_action()
    {
        Assert.Equal(["steps.1.action"], ErrorsOf(Body with { Steps = [Step(DossierAction.Accept), Step(DossierAction.Transfer), Step(DossierAction.Issue)] }));
    }

    [Theory]
    [InlineData(Roles.Applicant)]
    [InlineData(Roles.AgencyAdmin)]
    [InlineData(Roles.Regulator)]
    [InlineData("clerk")]
    public void A_steps_role_is_an_officers(string role)
    {
        Assert.Equal(["steps.1.role"], ErrorsOf(Body with { Steps = [Step(DossierAction.Accept), Step(DossierAction.Approve, role), Step(DossierAction.Issue)] }));
    }

    [Fact]
    public void Component_ids_are_unique_and_well_formed()
    {
        var form = new ProcedureComponent("application-form", "Tờ khai", true);

        Assert.Equal(["components.1.id"], ErrorsOf(Body with { Components = [form, form with { Name = "Tờ khai khác" }] }));
        Assert.Equal(["components.0.id", "components.1.id", "components.2.id"], ErrorsOf(Body with
        {
            Components = [form with { Id = "Application-Form" }, form with { Id = "-form" }, form with { Id = new string('a', 41) }],
        }));
        Assert.Equal(["components"], ErrorsOf(Body with { Components = [] }));
    }

    [Fact]
    public void The_agency_is_an_agency_code_and_every_error_is_reported_at_once()
    {
        Assert.Equal(["agency", "components", "steps"], ErrorsOf(Body with { Agency = "Sở Tư pháp", Components = [], Steps = [] }));
    }

    [Theory]
    [InlineData("2.000488")]
    [InlineData("1.001612.000.00.00.H26")]
    [InlineData("QT-01")]
    public void A_catalogue_code_is_read_as_it_is(string code)
    {
        Assert.Equal(code, ProcedureRules.ParseCode(code));
    }

    [Theory]
    [InlineData("")]
    [InlineData(".2000488")]
    [InlineData("2 000488")]
    [InlineData("2/000488")]
    [InlineData("2.000488_1")]
    public void A_code_that_cannot_be_a_key_is_400(string code)
    {
        Assert.Equal("code", Assert.Single(Assert.Throws<ValidationFailedException>(() => ProcedureRules.ParseCode(code)).Errors).Field);
    }

    [Fact]
    public void A_code_of_at_most_60_characters()
    {
        Assert.Equal(new string('1', 60), ProcedureRules.ParseCode(new string('1', 60)));
        Assert.Throws<ValidationFailedException>(() => ProcedureRules.ParseCode(new string('1', 61)));
    }
}
