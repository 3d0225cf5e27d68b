import { routeLibraryConsole } from '../../bot/libraryConsole';
import { collectingLogger } from '../helpers/logs';

describe('what libraries print to the console goes through the logger', () => {
  function routed() {
    const { logger, lines } = collectingLogger('debug');
    const target = { error: console.error, warn: console.warn, log: console.log, info: console.info, debug: console.debug };
    routeLibraryConsole(logger, target);
    return { target, lines };
  }

  test('an error with a stack is one JSON line holding only its first line', () => {
    const { target, lines } = routed();
    target.error(new Error('token check failed\n    at somewhere (file.js:1:1)'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ event: 'library.console', method: 'error', level: 40 });
    expect(lines[0].message).toMatch(/^Error: token check failed$/);
  });

  test("the SDK's key list after a failed token check is debug noise", () => {
    const { target, lines } = routed();
    target.error('Error finding key for token. Available keys: -----BEGIN RSA PUBLIC KEY-----\nMIIB...');
    expect(lines).toEqual([expect.objectContaining({ level: 20, message: 'Error finding key for token. Available keys: -----BEGIN RSA PUBLIC KEY-----' })]);
  });

  test('long messages are cut', () => {
    const { target, lines } = routed();
    target.warn('x'.repeat(5_000));
    expect(lines[0].message).toHaveLength(300);
  });
});
