import jmespath from 'jmespath'
import { messageOf } from './errors.js'
import type { JobReport } from './job.js'
import { tasksByName } from './tasks.js'

/** The JMESPath parser; the type package declares only `search`. */
const parser = jmespath as typeof jmespath & { compile(expression: string): unknown }

/**
 * Says why an expression cannot be used, or undefined when it can: it
 * must parse, and name only functions JMESPath has (which the parser does
 * not check; a trial run on an empty job does).
 */
export function ruleSyntaxError(expression: string): string | undefined {
  try {
    parser.compile(expression)
  } catch (error) {
    return messageOf(error)
  }
  try {
    jmespath.search({ tasks: {}, results: {}, source: '', file: null, status: '' }, expression)
  } catch (error) {
    if (/unknown function/i.test(messageOf(error))) return messageOf(error)
  }
  return undefined
}

/**
 * What a rule sees for one job: its last status answer, plus `source` as
 * the user wrote it, `file` for uploaded files, and `tasks`, which maps
 * each task name without the designer's numeric suffix to its data, so
 * rules read `tasks.sfw.sfw` rather than `results.sfw_1548213592151.data.sfw`.
 */
export function ruleInput(report: JobReport): Record<string, unknown> {
  return {
    ...report.response,
    source: report.source,
    file: report.file ?? null,
    tasks: tasksByName(report.response.results)
  }
}

/** The outcome of a rule on one job. */
export interface RuleResult {
  broken: boolean
  /** Set when the rule could not be evaluated on this job (a type error, say). */
  error?: string
}

/**
 * Evaluates the rule on a job. Truthy in JMESPath's sense breaks it: false,
 * null, and empty strings, arrays and objects do not.
 */
export function checkRule(expression: string, report: JobReport): RuleResult {
  try {
    return { broken: isTruthy(jmespath.search(ruleInput(report), expression)) }
  } catch (error) {
    return { broken: true, error: messageOf(error) }
  }
}

function isTruthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === '') return false
  if (Array.isArray(value)) return value.length > 0
  if (typeof value === 'object') return Object.keys(value).length > 0
  return true
}
