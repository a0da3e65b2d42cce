import * as path from 'path';
import { isolatedVpc, newApp, stackIn } from './fixtures';
import { ConnectivityError } from '../../src/core/errors';
import { PrivateLinkService } from '../../src/privatelink';

describe('stack traces of refused configurations', () => {
  test('start at the user\'s code and name no file of the library\'s src/ or lib/', () => {
    // GIVEN
    const stack = stackIn(newApp(), 'Provider');
    const vpc = isolatedVpc(stack, 'Vpc', '10.0.0.0/16');
    let error: unknown;

    // WHEN
    try {
      new PrivateLinkService(stack, 'Svc', { vpc, listeners: [] });
    } catch (e) {
      error = e;
    }

    // THEN
    expect(error).toBeInstanceOf(ConnectivityError);
    const frames = (error as Error).stack!.split('\n').filter((l) => /^\s+at /.test(l));
    const root = path.resolve(__dirname, '..', '..');
    expect(frames.filter((l) => l.includes(path.join(root, 'src') + path.sep) || l.includes(path.join(root, 'lib') + path.sep))).toEqual([]);
    expect(frames[0]).toContain(__filename);
    expect((error as Error).stack).toMatch(/^ConnectivityError: PrivateLinkService 'Provider\/Svc': listeners \[\];/);
  });
});
