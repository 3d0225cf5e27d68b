// Runs Azurite's blob service in this process, started by test/helpers/azurite.ts with Azurite's
// own arguments, and exits when the test process that started it goes away (our stdin closes):
// a jest worker that is killed or crashes never leaves an emulator running.
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
require(require.resolve('azurite/dist/src/blob/main.js'));
