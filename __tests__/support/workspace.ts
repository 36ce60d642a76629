import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

/** A temporary workspace holding the given files (path → content). */
export function makeWorkspace(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'fs-workspace-'))
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), content)
  }
  return root
}
