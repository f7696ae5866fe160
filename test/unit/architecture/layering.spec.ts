import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

// The layering rule of eslint.config.mjs, run as `npm run lint` runs it: each snippet is linted as if it were
// the named file. ESLint loads its flat config as an ES module, so it runs in its own node process.
const ROOT = join(__dirname, '..', '..', '..');

interface Snippet {
  filePath: string;
  code: string;
}

function restrictedImports(snippets: Snippet[]): string[][] {
  const script = `
    const { ESLint } = require('eslint');
    const snippets = JSON.parse(process.argv[1]);
    (async () => {
      const eslint = new ESLint({ cwd: process.cwd() });
      const out = [];
      for (const { filePath, code } of snippets) {
        const [result] = await eslint.lintText(code, { filePath });
        out.push(result.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message));
      }
      process.stdout.write(JSON.stringify(out));
    })().catch((error) => { console.error(error); process.exit(1); });`;
  const output = execFileSync(process.execPath, ['-e', script, JSON.stringify(snippets)], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return JSON.parse(output) as string[][];
}

describe('the layering lint rule', () => {
  it('fails on imports across the floors and into another context, and passes the allowed ones', () => {
    const cases: (Snippet & { fails: boolean })[] = [
      {
        filePath: 'libs/domain/src/milestones/milestones.service.ts',
        code: "export { PlansService } from '../plans/plans.service';\n",
        fails: true,
      },
      {
        filePath: 'libs/domain/src/milestones/dto/create-milestone.input.ts',
        code: "export { toTheme } from '../../themes/theme.mapper';\n",
        fails: true,
      },
      {
        filePath: 'libs/domain/src/milestones/milestones.service.ts',
        code: "export { PlansService } from '../plans';\nexport { CommitmentEntity } from '../commitments/commitment.entity';\nexport { ReadScope } from '../shared/read-scope';\n",
        fails: false,
      },
      {
        filePath: 'libs/domain/src/milestones/milestones.resolver.ts',
        code: "export type { RequestContext } from '../request-context';\n",
        fails: false,
      },
      {
        filePath: 'libs/domain/src/milestones/milestones.resolver.ts',
        code: "export { RequestLoaders } from '../request-loaders';\n",
        fails: true,
      },
      {
        filePath: 'libs/core/src/validation/ids.ts',
        code: "export { PlansService } from '../../../domain/src/plans';\n",
        fails: true,
      },
      {
        filePath: 'libs/common/src/flags.ts',
        code: "export { DomainException } from '@ogp/core';\n",
        fails: true,
      },
      {
        filePath: 'libs/domain/src/plans/plans.service.ts',
        code: "export { bootstrap } from '../../../../apps/api/src/main';\n",
        fails: true,
      },
    ];
    const found = restrictedImports(cases);
    expect(found.map((messages) => messages.length > 0)).toEqual(cases.map((c) => c.fails));
  });
});
