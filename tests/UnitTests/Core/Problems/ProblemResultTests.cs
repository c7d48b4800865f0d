using Etransactions.Functions.Core.Problems;
using Etransactions.UnitTests.Support;

namespace Etransactions.UnitTests.Core.Problems;

public class ProblemResultTests
{
    public static TheoryData<Exception, int, string, string> Kinds() => new()
    {
        { new ValidationFailedException([new("name", "Required.")]), 400, "/problems/validation", "Dữ liệu không hợp lệ / The request is not valid" },
        { new UnauthorizedException("Send the key in x-api-key."), 401, "/problems/unauthorized", "Chưa xác thực / Authentication required" },
        { new ForbiddenException("Only the regulator reads this."), 403, "/problems/forbidden", "Không có quyền / Not allowed" },
        { new NotFoundException("No platform p-9."), 404, "/problems/not-found", "Không tìm thấy / Not found" },
        { new ConflictException("A platform of that name exists."), 409, "/problems/conflict", "Xung đột / Conflict" },
        { new PayloadTooLargeException("The body is over the limit of 64 bytes."), 413, "/problems/payload-too-large", "Dữ liệu quá lớn / Payload too large" },
        { new UnsupportedMediaTypeException("Send the body as application/json."), 415, "/problems/unsupported-media-type", "Sai kiểu dữ liệu / Unsupported media type" },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task From_ProblemException_WritesItsKindAsProblemJson(Exception exception, int status, string type, string title)
    {
        var response = await ProblemResponse.ExecuteAsync(ProblemResult.From(exception, "inv-1"));

        Assert.Equal(status, response.Status);
        Assert.Equal("application/problem+json; charset=utf-8", response.ContentType);
        Assert.Equal(type, response.Member("type"));
        Assert.Equal(title, response.Member("title"));
        Assert.Equal(status, response.Body.GetProperty("status").GetInt32());
        Assert.Equal(exception.Message, response.Member("detail"));
    }

    [Fact]
    public async Task ExecuteAsync_VietnameseTitle_IsWrittenAsUtf8NotEscaped()
    {
        var response = await ProblemResponse.ExecuteAsync(ProblemResult.From(new NotFoundException("Không có nền tảng \"p-9\"."), "inv-1"));

        Assert.Contains("\"title\":\"Không tìm thấy / Not found\"", response.Text, StringComparison.Ordinal);
        Assert.Contains("\"detail\":\"Không có nền tảng \\\"p-9\\\".\"", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task From_Unauthorized_TellsHowToAuthenticate()
    {
        var response = await ProblemResponse.ExecuteAsync(ProblemResult.From(new UnauthorizedException("No key."), "inv-1"));

        Assert.Equal("ApiKey header=\"x-api-key\"", response.Headers.WWWAuthenticate.ToString());
    }

    [Fact]
    public async Task From_UnauthorizedBearer_ChallengesForABearerToken()
    {
        var response = await ProblemResponse.ExecuteAsync(ProblemResult.From(new UnauthorizedException("Bad token.") { Challenge = "Bearer error=\"invalid_token\"" }, "inv-1"));

        Assert.Equal("Bearer error=\"invalid_token\"", response.Headers.WWWAuthenticate.ToString());
    }

    [Fact]
    public async Task From_OtherKinds_SendNoAuthenticateHeader()
    {
        var response = await ProblemResponse.ExecuteAsync(ProblemResult.From(new ForbiddenException("No."), "inv-1"));

        Assert.False(response.Headers.ContainsKey("WWW-Authenticate"));
    }

    [Fact]
    public async Task From_Validation_ListsEveryFieldError()
    {
        var exception = new ValidationFailedException([new("name", "Required."), new("months.3.activeUsers", "Expected a number.")]);

        var response = await ProblemResponse.ExecuteAsync(ProblemResult.From(exception, "inv-1"));

        Assert.Equal(
            """[{"field":"name","message":"Required."},{"field":"months.3.activeUsers","message":"Expected a number."}]""",
            response.Body.GetProperty("errors").GetRawText());
    }

    [Fact]
    public async Task From_ExtensionsOfAnException_AreMembersOfTheBody()
    {
        var exception = new ConflictException("A platform of that name exists.") { Extensions = { ["field"] = "name" } };

        var response = await ProblemResponse.ExecuteAsync(ProblemResult.From(exception, "inv-1"));

        Assert.Equal("name", response.Member("field"));
    }

    [Fact]
    public async Task From_UnexpectedException_Is500WithoutInternalsQuotingTheInvocation()
    {
        var response = await ProblemResponse.ExecuteAsync(ProblemResult.From(new InvalidOperationException("secret internals at Db.cs:42"), "inv-77"));

        Assert.Equal(500, response.Status);
        Assert.Equal("/problems/internal", response.Member("type"));
        Assert.Equal("Lỗi hệ thống / Internal error", response.Member("title"));
        Assert.DoesNotContain("secret", response.Body.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("inv-77", response.Member("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task From_WrappedProblemException_IsStillItsKind()
    {
        var wrapped = new System.Reflection.TargetInvocationException(new AggregateException(new NotFoundException("No platform p-9.")));

        var response = await ProblemResponse.ExecuteAsync(ProblemResult.From(wrapped, "inv-1"));

        Assert.Equal(404, response.Status);
        Assert.Equal("No platform p-9.", response.Member("detail"));
    }

    [Fact]
    public async Task From_ProblemException_BodyHasOnlyTheProblemMembers()
    {
        var response = await ProblemResponse.ExecuteAsync(ProblemResult.From(new NotFoundException("No platform p-9."), "inv-1"));

        Assert.Equal(["type", "title", "status", "detail"], response.Body.EnumerateObject().Select(member => member.Name));
    }
}
