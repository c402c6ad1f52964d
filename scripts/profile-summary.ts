// `node dist/scripts/profile-summary.js FILE.cpuprofile [TOP]`: what a V8 CPU profile (from
// `BENCH_NODE_FLAGS=--cpu-prof npm run bench`, one file per thread) spent its time on: self time by
// package or file, by function, and inclusive time by function. A script, not a test.
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, topArg] = process.argv.slice(2);
if (!file) throw new Error('usage: profile-summary FILE.cpuprofile [TOP]');
const top = Number(topArg ?? 30);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parentOf = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);

const selfUs = new Map<number, number>();
let totalUs = 0;
profile.samples.forEach((id, i) => {
  const delta = profile.timeDeltas[i] ?? 0;
  selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
  totalUs += delta;
});

const shortUrl = (url: string) => url.replace(/^file:\/\//, '').replace(/.*node_modules\//, 'nm:').replace(/.*\/dist\//, '');
const functionKey = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${shortUrl(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
const fileKey = (n: ProfileNode) => {
  const pkg = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(n.callFrame.url);
  return pkg ? `nm:${pkg[1]}` : n.callFrame.url ? shortUrl(n.callFrame.url) : n.callFrame.functionName;
};

const byFile = new Map<string, number>();
const byFunction = new Map<string, number>();
const inclusive = new Map<string, number>();
const add = (map: Map<string, number>, key: string, us: number) => map.set(key, (map.get(key) ?? 0) + us);
for (const [id, us] of selfUs) {
  const node = byId.get(id)!;
  add(byFile, fileKey(node), us);
  add(byFunction, functionKey(node), us);
  // Each function once per sample, however deep its recursion.
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
    const key = functionKey(byId.get(at)!);
    if (!seen.has(key)) add(inclusive, key, us);
    seen.add(key);
  }
}

const say = (line: string) => process.stdout.write(`${line}\n`);
const table = (title: string, map: Map<string, number>) => {
  say(`-- ${title}`);
  for (const [key, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    say(`${(us / 1000).toFixed(0).padStart(7)} ms ${((us / totalUs) * 100).toFixed(1).padStart(5)} %  ${key}`);
  }
};
say(`${file}: ${(totalUs / 1000).toFixed(0)} ms sampled ((idle) is time the thread waited)`);
table('self time by package or file', byFile);
table('self time by function', byFunction);
table('inclusive time by function', inclusive);
