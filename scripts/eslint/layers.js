// The import-boundary rule: which layer may import what (docs/ARCHITECTURE.md, "Layers").
// A small local rule because it needs two things at once: relative imports resolved to the
// layer they land in, and bare modules (Node built-ins, electron) checked per layer.
import path from 'node:path';
import { builtinModules } from 'node:module';

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
/** Bare modules that only run in Node: never in a view. */
const NODE_ONLY = new Set(['ws', 'better-sqlite3', 'pg', 'fastify', 'socket.io', 'redis', '@socket.io/redis-adapter', 'playwright-core', 'tsx', 'esbuild']);

/** Layers, most specific folder first. `relative`: layers it may reach; `bare`: a check on bare modules. */
export const LAYERS = [
  { name: 'shared', dir: 'shared', relative: ['shared'], bare: (m) => m === 'zod' || 'only zod' },
  { name: 'hub', dir: 'hub', relative: ['hub', 'shared'], bare: (m) => !isElectron(m) || 'no electron' },
  { name: 'main/core', dir: 'main/core', relative: ['main/core', 'shared'], bare: (m) => !isElectron(m) || 'no electron' },
  { name: 'main/electron', dir: 'main/electron', relative: ['main/electron', 'main/core', 'shared'], bare: () => true },
  { name: 'main/browser-shell', dir: 'main/browser-shell', relative: ['main/browser-shell', 'main/core', 'shared'], bare: (m) => !isElectron(m) || 'no electron' },
  { name: 'preload', dir: 'preload', relative: ['preload', 'shared'], bare: (m) => isElectron(m) || m === 'zod' || 'only electron renderer APIs and zod' },
  { name: 'renderer', dir: 'renderer', relative: ['renderer', 'shared'], bare: (m) => rendererBare(m) },
];

function isElectron(m) {
  return m === 'electron' || m.startsWith('electron/');
}

function rendererBare(m) {
  if (isElectron(m)) return 'no electron';
  if (NODE_BUILTINS.has(m) || NODE_BUILTINS.has(m.split('/')[0])) return 'no Node built-ins';
  if (NODE_ONLY.has(m)) return 'no Node-only packages';
  return true;
}

function layerOf(file, root) {
  const rel = path.relative(root, file).split(path.sep).join('/');
  return LAYERS.find((l) => rel === l.dir || rel.startsWith(`${l.dir}/`));
}

function isTestFile(file) {
  return /\.test\.tsx?$/.test(file) || /\.config\.ts$/.test(file);
}

export const allowedImports = {
  meta: {
    type: 'problem',
    docs: { description: 'enforce the layer table of docs/ARCHITECTURE.md' },
    schema: [],
    messages: { forbidden: '{{layer}} may not import "{{source}}": {{why}}' },
  },
  create(context) {
    const root = context.cwd;
    const file = context.filename;
    const layer = layerOf(file, root);
    if (!layer) return {};
    const test = isTestFile(file);
    function check(node, source) {
      if (typeof source !== 'string') return;
      let why;
      if (source.startsWith('.')) {
        const target = layerOf(path.resolve(path.dirname(file), source), root);
        if (target && !layer.relative.includes(target.name)) why = `${layer.name} reaches only ${layer.relative.join(', ')}`;
      } else {
        const verdict = layer.bare(source);
        // Tests beside view code may use Node test helpers, but never electron.
        if (verdict !== true && !(test && !isElectron(source))) why = verdict;
      }
      if (why) context.report({ node, messageId: 'forbidden', data: { layer: layer.name, source, why } });
    }
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal') {
          check(node, node.arguments[0].value);
        }
      },
    };
  },
};

export default { rules: { 'allowed-imports': allowedImports } };
