// The emulated AWS: a moto_server child process on a loopback port.
import { ChildProcess, spawn } from 'child_process';
import * as http from 'http';
import * as net from 'net';

const HOST = '127.0.0.1';

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

/** A plain HTTP request to the loopback host; resolves with status and body. */
export function httpCall(url: string, method: string, body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** moto_server, started on a free loopback port. */
export class MotoServer {
  /** Start moto_server and wait until it answers. */
  public static async start(timeoutMs = 30_000): Promise<MotoServer> {
    const port = await freePort();
    const child = spawn('moto_server', ['-H', HOST, '-p', String(port)], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => { stderr = (stderr + c.toString()).slice(-4000); });
    const server = new MotoServer(child, `http://${HOST}:${port}`);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`moto_server exited with ${child.exitCode}: ${stderr}`);
      try {
        const r = await httpCall(`${server.url}/moto-api/data.json`, 'GET');
        if (r.status === 200) return server;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        server.stop();
        throw new Error(`moto_server did not answer on ${server.url} within ${timeoutMs} ms: ${stderr}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  private constructor(private readonly child: ChildProcess, public readonly url: string) {}

  /** Forget every resource of every account and region. */
  public async reset(): Promise<void> {
    const r = await httpCall(`${this.url}/moto-api/reset`, 'POST');
    if (r.status !== 200) throw new Error(`moto reset failed: ${r.status} ${r.body}`);
  }

  /** Stop the process this object started. */
  public stop(): void {
    if (this.child.exitCode === null) this.child.kill('SIGTERM');
  }
}
