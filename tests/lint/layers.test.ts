import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'layers/allowed-imports').map((m) => m.message);
}

describe('import boundaries bite', () => {
  it.each([
    ['renderer/panels/x/index.tsx', "import { ipcRenderer } from 'electron';"],
    ['renderer/stores/x.ts', "import fs from 'node:fs';"],
    ['renderer/stores/x.ts', "import { readFileSync } from 'fs';"],
    ['renderer/stores/x.ts', "import { startHub } from '../../hub/server';"],
    ['shared/protocol/x.ts', "import { app } from 'electron';"],
    ['shared/protocol/x.ts', "import fs from 'node:fs';"],
    ['shared/protocol/x.ts', "import React from 'react';"],
    ['shared/state/x.ts', "import { x } from '../../main/core/wallCore';"],
    ['main/core/x.ts', "import { BrowserWindow } from 'electron';"],
    ['hub/x.ts', "import { x } from '../renderer/main';"],
    ['preload/x.ts', "import fs from 'node:fs';"],
  ])('%s: %s is refused', async (file, code) => {
    const errors = await layerErrors(file, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/may not import/);
  });

  it.each([
    ['renderer/stores/x.ts', "import { reduceEvents } from '../../shared/state/reduceEvents';"],
    ['renderer/stores/x.ts', "import { create } from 'zustand';"],
    ['shared/state/x.ts', "import { z } from 'zod';"],
    ['main/core/x.ts', "import fs from 'node:fs'; import { io } from 'socket.io-client';"],
    ['main/electron/x.ts', "import { app } from 'electron'; import { x } from '../core/wallCore';"],
    ['preload/x.ts', "import { contextBridge } from 'electron';"],
  ])('%s: %s is allowed', async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });
});
