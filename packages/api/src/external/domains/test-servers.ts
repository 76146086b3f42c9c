// Real servers on loopback for the domain checks' tests: an authoritative DNS server (dns2) whose
// zone a test edits, and an HTTPS server with a certificate for *.example.com from a CA the test
// trusts through DOMAIN_VERIFY_CA_FILE. Tests point the checks at them with DNS_SERVERS and
// DOMAIN_VERIFY_HTTPS_PORT; nothing leaves the machine.
import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import dns2, { type Resource } from 'dns2';
import selfsigned from 'selfsigned';

const { Packet } = dns2;

/** What the DNS server answers for a name: records, or a failure. A name not in the zone is NXDOMAIN. */
export type DnsAnswer =
  | {
      /** one entry per record; an array is one record sent as several character-strings (255 bytes each at most) */
      txt?: (string | string[])[];
      a?: string[];
      aaaa?: string[];
    }
  | 'timeout'
  | 'servfail';

export interface TestDns {
  /** the value for DNS_SERVERS */
  servers: string;
  set(name: string, answer: DnsAnswer): void;
  delete(name: string): void;
  close(): Promise<void>;
}

export async function startTestDns(): Promise<TestDns> {
  const zone = new Map<string, DnsAnswer>();
  const server = dns2.createServer({
    udp: true,
    handle(request, send) {
      const response = Packet.createResponseFromRequest(request);
      const [question] = request.questions;
      if (!question) return send(response);
      const answer = zone.get(question.name.toLowerCase());
      if (answer === 'timeout') return; // never answers
      if (answer === 'servfail' || answer === undefined) {
        response.header.rcode = answer === 'servfail' ? Packet.RCODE.SERVFAIL : Packet.RCODE.NXDOMAIN;
        return send(response);
      }
      // dns2 encodes plain records; its types ask for the decoder's objects
      const add = (r: { type: number; data?: string | string[]; address?: string }) =>
        response.answers.push({ name: question.name, class: Packet.CLASS.IN, ttl: 60, ...r } as Resource);
      if (question.type === Packet.TYPE.TXT) for (const data of answer.txt ?? []) add({ type: Packet.TYPE.TXT, data });
      if (question.type === Packet.TYPE.A) for (const address of answer.a ?? []) add({ type: Packet.TYPE.A, address });
      if (question.type === Packet.TYPE.AAAA) for (const address of answer.aaaa ?? []) add({ type: Packet.TYPE.AAAA, address });
      send(response); // no answers: NODATA
    },
  });
  const addresses = await server.listen({ udp: { port: 0, address: '127.0.0.1' } });
  return {
    servers: `127.0.0.1:${(addresses.udp as AddressInfo).port}`,
    set: (name, answer) => zone.set(name.toLowerCase(), answer),
    delete: (name) => zone.delete(name.toLowerCase()),
    close: async () => {
      await server.close();
    },
  };
}

export interface TestHttps {
  port: number;
  /** the PEM of the certificate's CA, for DOMAIN_VERIFY_CA_FILE */
  caFile: string;
  /** requests seen, by Host header and path */
  requests: { host: string; path: string }[];
  close(): Promise<void>;
}

/** An HTTPS server for *.example.com answering with `handler`. */
export async function startTestHttps(
  handler: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void,
): Promise<TestHttps> {
  const pems = await selfsigned.generate([{ name: 'commonName', value: 'example.com' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'example.com' },
          { type: 2, value: '*.example.com' },
        ],
      },
    ],
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dramac-domains-ca-'));
  const caFile = path.join(dir, 'ca.pem');
  fs.writeFileSync(caFile, pems.cert);
  const requests: TestHttps['requests'] = [];
  const server = https.createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    requests.push({ host: String(req.headers.host ?? ''), path: req.url ?? '' });
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    caFile,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
