// One emulator, its AWS view and the engine, for a test file.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Assembly, readAssembly } from './assembly';
import { AwsAccounts } from './aws';
import { RuntimeOptions } from './custom';
import { DeployOptions, Engine } from './engine';
import { MotoServer } from './moto';
import { AwsView } from './proxy';

/** moto_server + the AWS view proxy + a fresh engine per `reset()`. */
export class Harness {
  /** Start the emulator and the proxy. */
  public static async start(options: RuntimeOptions = {}): Promise<Harness> {
    const moto = await MotoServer.start();
    const h = new Harness(moto, options);
    h.view = await AwsView.start(moto.url, () => h.engine?.shims);
    h.newEngine();
    return h;
  }

  public view!: AwsView;
  public engine!: Engine;

  private constructor(public readonly moto: MotoServer, private readonly options: RuntimeOptions) {}

  /** Deploy an assembly directory (or a read assembly) with the current engine. */
  public async deploy(assembly: string | Assembly, options?: DeployOptions): Promise<Assembly> {
    const asm = typeof assembly === 'string' ? readAssembly(assembly) : assembly;
    await this.engine.deploy(asm, options);
    return asm;
  }

  /** Empty the emulator and start over with a new engine (no stacks). */
  public async reset(): Promise<void> {
    this.engine.accounts.destroy();
    await this.moto.reset();
    this.view.clearRules();
    this.newEngine();
  }

  /** Stop the proxy and the emulator. */
  public async stop(): Promise<void> {
    this.engine?.accounts.destroy();
    await this.view?.stop();
    this.moto.stop();
  }

  private newEngine(): void {
    const accounts = new AwsAccounts(this.view.url);
    this.engine = new Engine(accounts, this.view.handlerUrl, this.options);
  }
}

/** A fresh temporary directory. */
export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
