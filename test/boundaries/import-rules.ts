// The process boundaries of design.md §1, checked on every import of every source file.
import path from 'node:path';

export interface SourceFile {
  /** Repo-relative path with forward slashes, e.g. "renderer/src/App.tsx". */
  path: string;
  source: string;
}

export interface Violation {
  file: string;
  specifier: string;
  rule: string;
}

interface Rule {
  name: string;
  applies: (file: string) => boolean;
  forbids: (target: { specifier: string; resolved: string | null }) => boolean;
}

const isOurs = (resolved: string | null, folder: string) => resolved !== null && (resolved === folder || resolved.startsWith(`${folder}/`));
const isNodeBuiltin = (s: string) => s.startsWith('node:');

const rules: Rule[] = [
  {
    name: 'renderer never imports main/, preload/, server/, electron or Node built-ins',
    applies: (f) => f.startsWith('renderer/'),
    forbids: ({ specifier, resolved }) =>
      specifier === 'electron' || isNodeBuiltin(specifier) || ['main', 'preload', 'server'].some((d) => isOurs(resolved, d)),
  },
  {
    name: "only main/app imports 'electron' inside main/",
    applies: (f) => f.startsWith('main/') && !f.startsWith('main/app/'),
    forbids: ({ specifier, resolved }) => specifier === 'electron' || specifier.startsWith('electron/') || isOurs(resolved, 'main/app'),
  },
  {
    name: 'services never import the app, the host or the IPC layer',
    applies: (f) => f.startsWith('main/services/'),
    forbids: ({ resolved }) => ['main/app', 'main/host', 'main/ipc', 'main/core', 'renderer', 'server'].some((d) => isOurs(resolved, d)),
  },
  {
    name: 'shared imports nothing of ours outside shared/, and nothing platform-specific',
    applies: (f) => f.startsWith('shared/'),
    forbids: ({ specifier, resolved }) =>
      specifier === 'electron' ||
      isNodeBuiltin(specifier) ||
      (resolved !== null && !isOurs(resolved, 'shared') && !resolved.startsWith('test/')),
  },
  {
    name: 'preload imports only electron and shared/',
    applies: (f) => f.startsWith('preload/'),
    forbids: ({ specifier, resolved }) =>
      resolved === null ? specifier !== 'electron' && specifier !== 'vitest' : !isOurs(resolved, 'shared') && !isOurs(resolved, 'preload'),
  },
  {
    name: 'server never imports main/, preload/, renderer/ or electron',
    applies: (f) => f.startsWith('server/'),
    forbids: ({ specifier, resolved }) => specifier === 'electron' || ['main', 'preload', 'renderer'].some((d) => isOurs(resolved, d)),
  },
];

const importPattern =
  /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;

export function importsOf(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(importPattern)) {
    const specifier = match[1] ?? match[2] ?? match[3];
    if (specifier) found.push(specifier);
  }
  return found;
}

export function findViolations(files: SourceFile[]): Violation[] {
  const violations: Violation[] = [];
  for (const file of files) {
    const applicable = rules.filter((r) => r.applies(file.path));
    if (applicable.length === 0) continue;
    for (const specifier of importsOf(file.source)) {
      const resolved = specifier.startsWith('.') ? path.posix.normalize(path.posix.join(path.posix.dirname(file.path), specifier)) : null;
      for (const rule of applicable) {
        if (rule.forbids({ specifier, resolved })) violations.push({ file: file.path, specifier, rule: rule.name });
      }
    }
  }
  return violations;
}
