// An authoritative DNS server for test zones (dns2 on UDP), with CNAME chasing inside
// the zones, NXDOMAIN vs NODATA, and raw RDATA for TLSA.
import dns2 from "dns2";

export type ZoneRecord =
  | { name: string; type: "A" | "AAAA"; address: string; ttl?: number }
  | { name: string; type: "MX"; priority: number; exchange: string; ttl?: number }
  | { name: string; type: "TXT"; strings: string[]; ttl?: number }
  | { name: string; type: "CNAME"; target: string; ttl?: number }
  | {
      name: string;
      type: "TLSA";
      usage: number;
      selector: number;
      matchingType: number;
      data: string;
      ttl?: number;
    };

const TYPE_CODE: Record<ZoneRecord["type"], number> = {
  A: 1,
  CNAME: 5,
  MX: 15,
  TXT: 16,
  AAAA: 28,
  TLSA: 52,
};

const norm = (name: string) => name.toLowerCase().replace(/\.$/, "");

function toResource(r: ZoneRecord, owner: string): Record<string, unknown> {
  const base = { name: owner, type: TYPE_CODE[r.type], class: 1, ttl: r.ttl ?? 300 };
  switch (r.type) {
    case "A":
    case "AAAA":
      return { ...base, address: r.address };
    case "MX":
      return { ...base, exchange: r.exchange, priority: r.priority };
    case "TXT":
      return { ...base, data: r.strings };
    case "CNAME":
      return { ...base, domain: r.target };
    case "TLSA":
      return {
        ...base,
        data: Buffer.concat([
          Buffer.from([r.usage, r.selector, r.matchingType]),
          Buffer.from(r.data, "hex"),
        ]),
      };
  }
}

export interface DnsServerHandle {
  /** "127.0.0.1:PORT", ready for dns.setServers() or the checker's dnsServers. */
  address: string;
  /** Replace the zone data (records are matched case-insensitively). */
  setRecords(records: ZoneRecord[]): void;
  close(): Promise<void>;
}

export async function startDnsServer(
  records: ZoneRecord[],
  host = "127.0.0.1",
): Promise<DnsServerHandle> {
  let zone = records;
  const server = dns2.createUDPServer((request, send) => {
    const response = dns2.Packet.createResponseFromRequest(request);
    response.header.aa = 1;
    const question = request.questions[0];
    if (!question) return void send(response);
    let owner = norm(question.name);
    for (let hop = 0; hop < 8; hop++) {
      const here = zone.filter((r) => norm(r.name) === owner);
      const wanted = here.filter((r) => TYPE_CODE[r.type] === question.type);
      const cname = here.find((r) => r.type === "CNAME");
      if (wanted.length > 0) {
        for (const r of wanted) response.answers.push(toResource(r, owner) as never);
        break;
      }
      if (cname && cname.type === "CNAME") {
        response.answers.push(toResource(cname, owner) as never);
        owner = norm(cname.target);
        continue;
      }
      // Empty non-terminals (e.g. _tls.example for _smtp._tls.example) exist: NODATA.
      const exists = here.length > 0 || zone.some((r) => norm(r.name).endsWith(`.${owner}`));
      if (!exists && response.answers.length === 0) response.header.rcode = 3;
      break;
    }
    void send(response);
  });
  await server.listen(0, host);
  const { port } = server.address();
  return {
    address: `${host}:${port}`,
    setRecords(next) {
      zone = next;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
