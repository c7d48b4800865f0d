using Etransactions.Functions.Core.Problems;
using Microsoft.IdentityModel.Tokens;

namespace Etransactions.Functions.Identity;

/// <summary>Why a token was refused, in the caller's words: what IdentityModel found, as a 401.</summary>
public static class TokenRejections
{
    public static UnauthorizedException For(Exception failure, DateTimeOffset now) => BearerChallenge.InvalidToken(failure switch
    {
        SecurityTokenMalformedException or ArgumentException => "Mã truy cập không đọc được (không phải JWT) / The access token cannot be read (it is not a JWT).",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException or SecurityTokenInvalidAlgorithmException
            => "Chữ ký của mã truy cập không hợp lệ / The access token's signature is not valid.",
        SecurityTokenInvalidIssuerException => "Mã truy cập không do nơi cấp được tin cậy cấp / The access token was not issued by the trusted issuer.",
        SecurityTokenInvalidAudienceException => "Mã truy cập không dành cho hệ thống này / The access token is not meant for this system.",
        SecurityTokenInvalidLifetimeException { Expires: null } => "Mã truy cập không có thời hạn (exp) / The access token has no expiry (exp).",
        SecurityTokenInvalidLifetimeException { NotBefore: { } notBefore } when notBefore > now.UtcDateTime
            => "Mã truy cập chưa có hiệu lực / The access token is not valid yet.",
        SecurityTokenInvalidLifetimeException => "Mã truy cập đã hết hạn / The access token has expired.",
        _ => "Mã truy cập không hợp lệ / The access token is not valid.",
    }, failure);
}
