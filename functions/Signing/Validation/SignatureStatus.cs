namespace Etransactions.Functions.Signing.Validation;

/// <summary>The verdict on one signature of a PDF, as the verification page says it.</summary>
public enum SignatureStatus
{
    /// <summary>The signed bytes are unchanged and the certificate was valid when it signed.</summary>
    Valid,

    /// <summary>The signature was read but does not hold: the bytes changed, it does not verify, or the certificate was not valid then.</summary>
    Invalid,

    /// <summary>The signature could not be read: no usable /ByteRange, /Contents that is not hex, a CMS that does not decode.</summary>
    Malformed,
}
