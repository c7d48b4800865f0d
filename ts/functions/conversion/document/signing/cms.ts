import { createHash } from 'node:crypto';
import { integer, issuerAndSerial, nullValue, octetString, oid, sequence, setOf, tagged } from './der';

const ID_DATA = '1.2.840.113549.1.7.1';
const ID_SIGNED_DATA = '1.2.840.113549.1.7.2';
const ID_CONTENT_TYPE = '1.2.840.113549.1.9.3';
const ID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const ID_SIGNING_CERTIFICATE_V2 = '1.2.840.113549.1.9.16.2.47';
const ID_SHA256 = '2.16.840.1.101.3.4.2.1';
const ID_RSA_ENCRYPTION = '1.2.840.113549.1.1.1';

const sha256 = (bytes: Buffer): Buffer => createHash('sha256').update(bytes).digest();
const attribute = (type: string, value: Buffer): Buffer => sequence(oid(type), setOf(value));

/**
 * The CMS signed attributes of a PAdES baseline signature (ETSI.CAdES.detached): content type, the
 * digest of the signed byte ranges and the signing certificate (ESS signing-certificate-v2, SHA-256).
 * No signing-time attribute: PAdES puts the time in the signature dictionary's /M. Returned as the
 * DER SET that gets signed; inside SignerInfo it is stored under the IMPLICIT [0] tag.
 */
export function signedAttributes(content: Buffer, certificateDer: Buffer): Buffer {
  return setOf(
    attribute(ID_CONTENT_TYPE, oid(ID_DATA)),
    attribute(ID_MESSAGE_DIGEST, octetString(sha256(content))),
    attribute(ID_SIGNING_CERTIFICATE_V2, sequence(sequence(sequence(octetString(sha256(certificateDer)))))),
  );
}

/** A detached CMS SignedData (RFC 5652) with one RSA signer, over attributes made by signedAttributes. */
export function signedData(certificateDer: Buffer, attributes: Buffer, signature: Buffer): Buffer {
  const { issuer, serial } = issuerAndSerial(certificateDer);
  const sha256Algorithm = sequence(oid(ID_SHA256));
  const signerInfo = sequence(
    integer(1),
    sequence(issuer, serial),
    sha256Algorithm,
    Buffer.concat([Buffer.from([0xa0]), attributes.subarray(1)]), // SET -> [0] IMPLICIT, same length and contents
    sequence(oid(ID_RSA_ENCRYPTION), nullValue()),
    octetString(signature),
  );
  const content = sequence(
    integer(1),
    setOf(sha256Algorithm),
    sequence(oid(ID_DATA)),
    tagged(0, certificateDer),
    setOf(signerInfo),
  );
  return sequence(oid(ID_SIGNED_DATA), tagged(0, content));
}
