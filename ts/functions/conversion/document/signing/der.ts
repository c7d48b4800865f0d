/**
 * Just enough DER to build a CMS signature by hand: writing tag-length-value, and reading the exact
 * bytes of a certificate's issuer and serial number. Copying those bytes (instead of decoding and
 * re-encoding the names, as node-forge does) keeps Vietnamese names in certificates verifiable.
 */
export function tlv(tag: number, ...contents: Buffer[]): Buffer {
  const body = Buffer.concat(contents);
  const n = body.length;
  let length: Buffer;
  if (n < 0x80) length = Buffer.from([n]);
  else {
    const bytes: number[] = [];
    for (let rest = n; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
    length = Buffer.from([0x80 | bytes.length, ...bytes]);
  }
  return Buffer.concat([Buffer.from([tag]), length, body]);
}

export const sequence = (...items: Buffer[]): Buffer => tlv(0x30, ...items);
export const octetString = (bytes: Buffer): Buffer => tlv(0x04, bytes);
export const integer = (value: number): Buffer => tlv(0x02, Buffer.from([value]));
export const nullValue = (): Buffer => Buffer.from([0x05, 0x00]);
/** Context-specific constructed tag [n] (EXPLICIT, or IMPLICIT over a SET/SEQUENCE's contents). */
export const tagged = (n: number, ...contents: Buffer[]): Buffer => tlv(0xa0 | n, ...contents);

/** A SET OF, its elements in DER order (sorted by their encodings). */
export function setOf(...items: Buffer[]): Buffer {
  return tlv(0x31, ...[...items].sort((a, b) => Buffer.compare(a, b)));
}

export function oid(dotted: string): Buffer {
  const [first = 0, second = 0, ...rest] = dotted.split('.').map(Number);
  const bytes = [first * 40 + second];
  for (const arc of rest) {
    const groups: number[] = [];
    for (let value = arc; ; value = Math.floor(value / 128)) {
      groups.unshift(value % 128);
      if (value < 128) break;
    }
    groups.forEach((group, i) => bytes.push(i < groups.length - 1 ? group | 0x80 : group));
  }
  return tlv(0x06, Buffer.from(bytes));
}

export interface DerElement {
  tag: number;
  /** The whole element, header included. */
  raw: Buffer;
  /** The contents, without the header. */
  body: Buffer;
}

export function readElement(bytes: Buffer, at = 0): DerElement {
  const tag = bytes[at];
  const first = bytes[at + 1];
  if (tag === undefined || first === undefined) throw new Error('DER element runs past the end');
  let length = first;
  let header = 2;
  if (first & 0x80) {
    const count = first & 0x7f;
    if (count === 0 || count > 4) throw new Error('DER length is not definite');
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + (bytes[at + 2 + i] ?? 0);
    header += count;
  }
  if (at + header + length > bytes.length) throw new Error('DER element runs past the end');
  return {
    tag,
    raw: bytes.subarray(at, at + header + length),
    body: bytes.subarray(at + header, at + header + length),
  };
}

export function children(element: DerElement): DerElement[] {
  const out: DerElement[] = [];
  for (let at = 0; at < element.body.length;) {
    const child = readElement(element.body, at);
    out.push(child);
    at += child.raw.length;
  }
  return out;
}

/** The issuer Name and serialNumber INTEGER of an X.509 certificate, byte for byte. */
export function issuerAndSerial(certificateDer: Buffer): { issuer: Buffer; serial: Buffer } {
  const [tbs] = children(readElement(certificateDer));
  if (!tbs) throw new Error('Not an X.509 certificate');
  const fields = children(tbs);
  const offset = fields[0]?.tag === 0xa0 ? 1 : 0; // [0] version is optional
  const serial = fields[offset];
  const issuer = fields[offset + 2];
  if (serial?.tag !== 0x02 || issuer?.tag !== 0x30) throw new Error('Not an X.509 certificate');
  return { issuer: issuer.raw, serial: serial.raw };
}
