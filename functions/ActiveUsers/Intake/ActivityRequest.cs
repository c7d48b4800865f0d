using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Etransactions.Functions.Core.Http;
using Etransactions.Functions.Core.Problems;

namespace Etransactions.Functions.ActiveUsers.Intake;

/// <summary>
/// The body of <c>POST /api/platforms/{id}/activity</c>: <c>{"platformId": "…", "events": […]}</c>, up to
/// <see cref="MaxEvents"/> events. The envelope is all or nothing (400); each event is taken or rejected on
/// its own, with the field and the reason.
/// </summary>
public static class ActivityRequest
{
    public const int MaxEvents = 10_000;

    public static ActivityBatch Parse(JsonElement body, string platformId, ActivityWindow window)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(FieldPath.Root, "The body is a JSON object: {\"platformId\": \"…\", \"events\": […]}.");
        }
        var errors = new List<FieldError>();
        JsonElement? events = null;
        foreach (var property in body.EnumerateObject())
        {
            switch (property.Name)
            {
                case "platformId" when property.Value.ValueKind != JsonValueKind.String || property.Value.GetString() != platformId:
                    errors.Add(new FieldError("platformId", $"Must be the platform of the address, \"{platformId}\"."));
                    break;
                case "platformId":
                    break;
                case "events" when property.Value.ValueKind != JsonValueKind.Array:
                    errors.Add(new FieldError("events", "Must be an array of events."));
                    break;
                case "events" when property.Value.GetArrayLength() is 0 or > MaxEvents:
                    errors.Add(new FieldError("events", $"Must hold from 1 to {MaxEvents:N0} events, got {property.Value.GetArrayLength():N0}: send more requests, or a daily file."));
                    break;
                case "events":
                    events = property.Value;
                    break;
                default:
                    errors.Add(new FieldError(property.Name, "Not a field of an activity request."));
                    break;
            }
        }
        if (!body.TryGetProperty("platformId", out _))
        {
            errors.Add(new FieldError("platformId", "Required."));
        }
        if (!body.TryGetProperty("events", out _))
        {
            errors.Add(new FieldError("events", "Required."));
        }
        if (errors.Count > 0 || events is not { } list)
        {
            throw new ValidationFailedException(errors);
        }

        var accepted = new List<ActivityEvent>(list.GetArrayLength());
        var rejected = new List<FieldError>();
        var index = 0;
        foreach (var element in list.EnumerateArray())
        {
            var path = FieldPath.Index("events", index++);
            if (!ActivityEventParser.TryParse(JsonMarshal.GetRawUtf8Value(element), out var activity, out var problem)
                || (problem = window.Check(activity.At)) is not null)
            {
                rejected.Add(problem! with { Field = problem.Field == ActivityEventParser.Whole ? path : FieldPath.Child(path, problem.Field) });
                continue;
            }
            accepted.Add(activity);
        }
        return new ActivityBatch(BatchId(platformId, body), index, accepted, rejected);
    }

    /// <summary>The batch's id: a hash of the platform and the body, so the same request sent again is the same batch.</summary>
    private static string BatchId(string platformId, JsonElement body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(platformId + "\n"));
        hash.AppendData(JsonMarshal.GetRawUtf8Value(body));
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..32];
    }

    private static ValidationFailedException Invalid(string field, string message) => new([new FieldError(field, message)]);
}

/// <summary>A request's events: how many came, those taken, and those rejected with why.</summary>
public sealed record ActivityBatch(string BatchId, int Received, IReadOnlyList<ActivityEvent> Accepted, IReadOnlyList<FieldError> Rejected);
