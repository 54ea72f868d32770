import ipaddr from "ipaddr.js";

// Minimal DNS wire format (RFC 1035) for the few queries node:dns cannot answer on Node 20:
// TXT with its TTL and CNAME chain (STS-TXT-10, STS-TXT-13) and TLSA (DANE-2).

export const RR_TYPE = { A: 1, CNAME: 5, MX: 15, TXT: 16, AAAA: 28, OPT: 41, TLSA: 52 } as const;
export type RrTypeName = keyof typeof RR_TYPE;

export interface TlsaData {
  usage: number;
  selector: number;
  matchingType: number;
  /** hex of the certificate association data */
  data: string;
}

export type RrData =
  | { type: "A" | "AAAA"; address: string }
  | { type: "CNAME"; target: string }
  | { type: "MX"; priority: number; exchange: string }
  | { type: "TXT"; strings: string[] }
  | { type: "TLSA"; tlsa: TlsaData }
  | { type: "OTHER"; code: number };

export interface WireRecord {
  name: string;
  ttl: number;
  data: RrData;
}

export interface WireResponse {
  id: number;
  rcode: number;
  truncated: boolean;
  answers: WireRecord[];
}

export function encodeQuery(id: number, name: string, type: number): Buffer {
  const labels = name.replace(/\.$/, "").split(".").filter(Boolean);
  const qname = Buffer.concat([
    ...labels.map((l) => {
      const b = Buffer.from(l, "ascii");
      return Buffer.concat([Buffer.from([b.length]), b]);
    }),
    Buffer.from([0]),
  ]);
  const header = Buffer.alloc(12);
  header.writeUInt16BE(id, 0);
  header.writeUInt16BE(0x0100, 2); // RD
  header.writeUInt16BE(1, 4); // QDCOUNT
  header.writeUInt16BE(1, 10); // ARCOUNT: EDNS0 OPT so large TXT sets fit in UDP
  const question = Buffer.alloc(4);
  question.writeUInt16BE(type, 0);
  question.writeUInt16BE(1, 2); // IN
  const opt = Buffer.from([0, 0, RR_TYPE.OPT, 0x04, 0xd0, 0, 0, 0, 0, 0, 0]); // size 1232
  return Buffer.concat([header, qname, question, opt]);
}

function readName(buf: Buffer, start: number): { name: string; next: number } {
  const labels: string[] = [];
  let pos = start;
  let next = -1;
  for (let hops = 0; hops < 64; hops++) {
    const len = buf.readUInt8(pos);
    if (len === 0) {
      return { name: labels.join("."), next: next === -1 ? pos + 1 : next };
    }
    if ((len & 0xc0) === 0xc0) {
      if (next === -1) next = pos + 2;
      pos = buf.readUInt16BE(pos) & 0x3fff;
      continue;
    }
    labels.push(buf.toString("latin1", pos + 1, pos + 1 + len));
    pos += 1 + len;
  }
  throw new Error("DNS name compression loop");
}

function decodeData(buf: Buffer, type: number, start: number, len: number): RrData {
  const end = start + len;
  switch (type) {
    case RR_TYPE.A:
      return { type: "A", address: [...buf.subarray(start, end)].join(".") };
    case RR_TYPE.AAAA:
      return {
        type: "AAAA",
        address: ipaddr.fromByteArray([...buf.subarray(start, end)]).toString(),
      };
    case RR_TYPE.CNAME:
      return { type: "CNAME", target: readName(buf, start).name };
    case RR_TYPE.MX:
      return {
        type: "MX",
        priority: buf.readUInt16BE(start),
        exchange: readName(buf, start + 2).name,
      };
    case RR_TYPE.TXT: {
      const strings: string[] = [];
      for (let p = start; p < end;) {
        const n = buf.readUInt8(p);
        strings.push(buf.toString("latin1", p + 1, p + 1 + n));
        p += 1 + n;
      }
      return { type: "TXT", strings };
    }
    case RR_TYPE.TLSA:
      return {
        type: "TLSA",
        tlsa: {
          usage: buf.readUInt8(start),
          selector: buf.readUInt8(start + 1),
          matchingType: buf.readUInt8(start + 2),
          data: buf.toString("hex", start + 3, end),
        },
      };
    default:
      return { type: "OTHER", code: type };
  }
}

export function decodeResponse(buf: Buffer): WireResponse {
  const id = buf.readUInt16BE(0);
  const flags = buf.readUInt16BE(2);
  const qd = buf.readUInt16BE(4);
  const an = buf.readUInt16BE(6);
  let pos = 12;
  for (let i = 0; i < qd; i++) pos = readName(buf, pos).next + 4;
  const answers: WireRecord[] = [];
  for (let i = 0; i < an; i++) {
    const { name, next } = readName(buf, pos);
    const type = buf.readUInt16BE(next);
    const ttl = buf.readUInt32BE(next + 4);
    const rdlen = buf.readUInt16BE(next + 8);
    answers.push({ name, ttl, data: decodeData(buf, type, next + 10, rdlen) });
    pos = next + 10 + rdlen;
  }
  return { id, rcode: flags & 0x0f, truncated: (flags & 0x0200) !== 0, answers };
}

export interface WireQuestion {
  id: number;
  /** QR bit: set on responses. */
  response: boolean;
  name: string;
  type: number;
  qclass: number;
}

/** The header and first question of a message, or null when it cannot be read. */
export function readQuestion(buf: Buffer): WireQuestion | null {
  try {
    if (buf.length < 12 || buf.readUInt16BE(4) !== 1) return null;
    const { name, next } = readName(buf, 12);
    return {
      id: buf.readUInt16BE(0),
      response: (buf.readUInt16BE(2) & 0x8000) !== 0,
      name: name.toLowerCase(),
      type: buf.readUInt16BE(next),
      qclass: buf.readUInt16BE(next + 2),
    };
  } catch {
    return null;
  }
}

/**
 * True when `answer` is a response to `query`: same id, QR set, and the same question
 * (name case-insensitively, type, class). Anything else is ignored by the client.
 */
export function answersQuery(query: Buffer, answer: Buffer): boolean {
  const q = readQuestion(query);
  const a = readQuestion(answer);
  return (
    q !== null &&
    a !== null &&
    a.response &&
    a.id === q.id &&
    a.name === q.name &&
    a.type === q.type &&
    a.qclass === q.qclass
  );
}
