// The image runs from dist/ and reads its data files from the source tree: every data file the
// bot reads at start-up must be copied into the runtime stage, or the container stops at once
// (found when the other-language notices were added).
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const dockerfile = readFileSync(path.join(root, 'Dockerfile'), 'utf8');
const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
const copied = [...runtime.matchAll(/^COPY --from=build \/app\/(\S+) /gm)].map((m) => m[1]);

// The data the running bot reads (the corpus is training data: only npm run triage:train reads it).
const readAtRunTime = [
  'knowledge/packs/bathnes/pack.json',
  'knowledge/triage/model/trained/risk.model',
  'knowledge/triage/rules/risk-rules.json',
  'knowledge/triage/rules/slots.json',
  'knowledge/triage/rules/text-speak.json',
  'knowledge/triage/rules/group-cues.json',
  'knowledge/language/other-languages.json',
  'deployment/webchat/embed.js',
  'bot/webchat/public/index.html',
];

test.each(readAtRunTime)('the runtime image holds %s', (file) => {
  expect(copied.some((c) => file === c || file.startsWith(`${c}/`))).toBe(true);
});
