using System.Text.Json;
using Etransactions.Functions.ActiveUsers.Counting;
using Etransactions.Functions.Core.Problems;

namespace Etransactions.Functions.ActiveUsers.Intake;

/// <summary>
/// Reads one event, <c>{"user": "&lt;64 hex&gt;", "at": "&lt;ISO-8601 with offset&gt;", "kind": "login"|"access"|"service",
/// "inVietnam": true|false}</c>, from its UTF-8 JSON: the same for a request's events and a file's lines.
/// Any other field is refused, so that nothing personal rides along. The first problem found is reported,
/// its field relative to the event.
/// </summary>
public static class ActivityEventParser
{
    public const string Whole = "(event)";

    private const int UserSeen = 1, AtSeen = 2, KindSeen = 4, InVietnamSeen = 8;

    public static bool TryParse(ReadOnlySpan<byte> json, out ActivityEvent activity, out FieldError? problem)
    {
        activity = default;
        try
        {
            return TryRead(json, out activity, out problem);
        }
        catch (JsonException error)
        {
            problem = new FieldError(Whole, $"Not valid JSON: {error.Message}");
            return false;
        }
    }

    private static bool TryRead(ReadOnlySpan<byte> json, out ActivityEvent activity, out FieldError? problem)
    {
        activity = default;
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            problem = new FieldError(Whole, "An event is a JSON object with user, at, kind and inVietnam.");
            return false;
        }
        var (seen, user, at, kind, inVietnam) = (0, 0UL, default(DateTimeOffset), default(ActivityKind), false);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            // Names compared as UTF-8, so a well-formed event allocates nothing.
            var flag = reader.ValueTextEquals("user"u8) ? UserSeen
                : reader.ValueTextEquals("at"u8) ? AtSeen
                : reader.ValueTextEquals("kind"u8) ? KindSeen
                : reader.ValueTextEquals("inVietnam"u8) ? InVietnamSeen
                : 0;
            if (flag == 0)
            {
                problem = new FieldError(reader.GetString()!, "Not a field of an activity event: events carry user, at, kind and inVietnam, nothing personal.");
                return false;
            }
            if ((seen & flag) != 0)
            {
                problem = new FieldError(reader.GetString()!, "Given twice.");
                return false;
            }
            seen |= flag;
            reader.Read();
            problem = flag switch
            {
                UserSeen => ReadUser(ref reader, out user),
                AtSeen => ReadAt(ref reader, out at),
                KindSeen => ReadKind(ref reader, out kind),
                _ => ReadInVietnam(ref reader, out inVietnam),
            };
            if (problem is not null)
            {
                return false;
            }
        }
        if (reader.Read())
        {
            problem = new FieldError(Whole, "Only one event is expected.");
            return false;
        }
        problem = (seen & UserSeen) == 0 ? Missing("user")
            : (seen & AtSeen) == 0 ? Missing("at")
            : (seen & KindSeen) == 0 ? Missing("kind")
            : (seen & InVietnamSeen) == 0 ? Missing("inVietnam")
            : null;
        if (problem is not null)
        {
            return false;
        }
        activity = new ActivityEvent(user, at, kind, inVietnam);
        return true;
    }

    private static FieldError Missing(string field) => new(field, "Required.");

    private static FieldError? ReadUser(ref Utf8JsonReader reader, out ulong user)
    {
        user = 0;
        var valid = reader.TokenType == JsonTokenType.String
            && (reader.ValueIsEscaped ? UserKey.TryParse(reader.GetString(), out user) : UserKey.TryParse(reader.ValueSpan, out user));
        return valid ? null : new FieldError("user", "Must be the 64 hexadecimal digits of the keyed hash of the platform's own user id (HMAC-SHA-256), never the id itself.");
    }

    private static FieldError? ReadAt(ref Utf8JsonReader reader, out DateTimeOffset at)
    {
        at = default;
        // Serializers may escape "+" (System.Text.Json writes \u002B): the offset is looked for in the unescaped text.
        Span<byte> unescaped = stackalloc byte[64];
        var text = reader.TokenType != JsonTokenType.String ? []
            : !reader.ValueIsEscaped ? reader.ValueSpan
            : reader.ValueSpan.Length <= unescaped.Length ? unescaped[..reader.CopyString(unescaped)]
            : [];
        if (!HasOffset(text) || !reader.TryGetDateTimeOffset(out at))
        {
            return new FieldError("at", "Must be an ISO 8601 time with its offset, such as 2026-01-05T09:30:00+07:00 or 2026-01-05T02:30:00Z.");
        }
        return null;
    }

    /// <summary>Ends in <c>Z</c> or <c>±hh:mm</c>: a time without an offset says nothing of the instant.</summary>
    private static bool HasOffset(ReadOnlySpan<byte> text) =>
        text.Length > 10 && text.IndexOf((byte)'T') > 0
        && (text[^1] is (byte)'Z' or (byte)'z' || (text.Length > 6 && text[^6] is (byte)'+' or (byte)'-' && text[^3] == (byte)':'));

    private static FieldError? ReadKind(ref Utf8JsonReader reader, out ActivityKind kind)
    {
        kind = default;
        if (reader.TokenType == JsonTokenType.String)
        {
            if (reader.ValueTextEquals("login"u8))
            {
                kind = ActivityKind.Login;
                return null;
            }
            if (reader.ValueTextEquals("access"u8))
            {
                kind = ActivityKind.Access;
                return null;
            }
            if (reader.ValueTextEquals("service"u8))
            {
                kind = ActivityKind.Service;
                return null;
            }
        }
        return new FieldError("kind", "Must be \"login\", \"access\" or \"service\" (Art. 17.1).");
    }

    private static FieldError? ReadInVietnam(ref Utf8JsonReader reader, out bool inVietnam)
    {
        inVietnam = reader.TokenType == JsonTokenType.True;
        return reader.TokenType is JsonTokenType.True or JsonTokenType.False ? null : new FieldError("inVietnam", "Must be true or false.");
    }
}
