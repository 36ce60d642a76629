import * as glob from '@actions/glob'
import { constants } from 'node:fs'
import { access, realpath, stat } from 'node:fs/promises'
import { isAbsolute, relative, sep } from 'node:path'
import { InputError } from './errors.js'
import { quote } from './plain-text.js'
import { CONTROL } from './sources.js'

/** A file of the workspace to upload. */
export interface LocalFile {
  /** Relative to the workspace, with `/` separators, as annotations need it. */
  path: string
  absolute: string
  size: number
}

/**
 * The one-request store call takes the file as one body; larger files need
 * Filestack's multipart upload, which this action does not do.
 */
export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024

/**
 * The workspace files that the patterns match (`!pattern` excludes), in
 * path order. A file that resolves outside the workspace (through a link
 * a pull request could add) is refused, so nothing else on the runner can
 * be uploaded; so are unreadable, empty and oversized files.
 */
export async function findFiles(patterns: string[], workspace: string): Promise<LocalFile[]> {
  const root = await realpath(workspace)
  const files: LocalFile[] = []
  for (const absolute of await matches(patterns)) {
    const file = await checkFile(absolute, workspace, root)
    if (file) files.push(file)
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}

/**
 * Links are not followed while searching: a linked directory is not
 * walked (it could lead anywhere on the runner), and a link that matches
 * is checked like a file, where it leads.
 */
async function matches(patterns: string[]): Promise<string[]> {
  try {
    const globber = await glob.create(patterns.join('\n'), { matchDirectories: false, followSymbolicLinks: false })
    return await globber.glob()
  } catch (error) {
    throw new InputError('files', (error as Error).message)
  }
}

/** True for a path inside a `.git` folder: repository internals, never assets. */
function inGitDir(path: string): boolean {
  return path.split('/').includes('.git')
}

/** The file as it will be uploaded; undefined for a directory or a file in `.git`, which are skipped. */
async function checkFile(absolute: string, workspace: string, root: string): Promise<LocalFile | undefined> {
  const path = relative(workspace, absolute).split(sep).join('/')
  if (CONTROL.test(path)) {
    throw new InputError('files', `${quote(path)} has a control character or an invisible formatting character in its name`)
  }
  if (inGitDir(path)) return undefined
  const real = await realpath(absolute).catch(() => absolute)
  const inside = relative(root, real)
  if (inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
    throw new InputError('files', `${path} resolves outside the workspace; only workspace files are uploaded`)
  }
  if (inGitDir(inside.split(sep).join('/'))) {
    throw new InputError('files', `${path} leads into .git, where the checkout keeps its credentials; it is not uploaded`)
  }

  try {
    await access(absolute, constants.R_OK)
  } catch (error) {
    throw new InputError('files', `${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`)
  }
  const found = await stat(absolute)
  if (found.isDirectory()) return undefined
  const { size } = found
  if (size === 0) throw new InputError('files', `${path} is empty`)
  if (size > MAX_UPLOAD_BYTES) {
    throw new InputError('files', `${path} is ${(size / 1048576).toFixed(1)} MiB; the most this action uploads is ${MAX_UPLOAD_BYTES / 1048576} MiB`)
  }
  return { path, absolute, size }
}
