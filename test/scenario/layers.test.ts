import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

/**
 * The one-way layer rules (DESIGN section 1) are enforced by the lint configuration; this checks
 * that the configuration really rejects a wrong-way import, so the rule cannot silently vanish.
 */
const eslint = new ESLint();

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

describe('layer rules', () => {
  it.each([
    ['src/core/x.ts', "import { create } from 'zustand';\nexport const y = create;\n"],
    [
      'src/core/x.ts',
      "import { PRESETS } from '../scenario/presets';\nexport const y = PRESETS;\n",
    ],
    ['src/scenario/x.ts', "import { useMemo } from 'react';\nexport const y = useMemo;\n"],
    ['src/scenario/x.ts', "import { y as z } from '../state/store';\nexport const y = z;\n"],
    [
      'src/scenario/files/x.ts',
      "import { y as z } from '../../state/store';\nexport const y = z;\n",
    ],
    ['src/scenario/files/x.ts', "import { useMemo } from 'react';\nexport const y = useMemo;\n"],
    ['src/state/x.ts', "import { z } from '../ui/format';\nexport const y = z;\n"],
    ['src/ui/x.ts', "import { App } from '../app/App';\nexport const y = App;\n"],
    ['src/platform/x.ts', "import { z } from '../state/store';\nexport const y = z;\n"],
  ])('%s may not import %j', async (filePath, code) => {
    expect(await restrictedImports(filePath, code)).toHaveLength(1);
  });

  it.each([
    ['src/core/x.ts', "import { Dec } from './decimal';\nexport const y = Dec;\n"],
    ['src/scenario/x.ts', "import { Dec } from '../core/decimal';\nexport const y = Dec;\n"],
    [
      'src/scenario/files/x.ts',
      "import { Dec } from '../../core/decimal';\nexport const y = Dec;\n",
    ],
    [
      'src/scenario/files/x.ts',
      "import { toDocument } from '../document';\nexport const y = toDocument;\n",
    ],
    ['src/ui/x.ts', "import { Dec } from '../core/decimal';\nexport const y = Dec;\n"],
  ])('%s may import %j', async (filePath, code) => {
    expect(await restrictedImports(filePath, code)).toEqual([]);
  });
});
