/** GitHub's page size when none is asked for, and the largest it allows. */
const DEFAULT_PER_PAGE = 30
const MAX_PER_PAGE = 100

export interface Page<T> {
  items: T[]
  /** The Link header, or undefined when everything fits on one page. */
  link?: string
}

function positive(value: string | null, fallback: number): number {
  const number = Number(value ?? undefined)
  return Number.isInteger(number) && number > 0 ? number : fallback
}

function pageUrl(base: string, query: URLSearchParams, page: number): string {
  const params = new URLSearchParams(query)
  params.set('page', String(page))
  return `${base}?${params}`
}

/**
 * Cuts one page out of `all` as `per_page` and `page` ask, with a Link
 * header naming the next, last, first and previous pages that exist.
 */
export function paginate<T>(all: T[], base: string, query: URLSearchParams): Page<T> {
  const perPage = Math.min(positive(query.get('per_page'), DEFAULT_PER_PAGE), MAX_PER_PAGE)
  const page = positive(query.get('page'), 1)
  const last = Math.max(1, Math.ceil(all.length / perPage))
  const items = all.slice((page - 1) * perPage, page * perPage)

  const links: string[] = []
  const add = (to: number, rel: string) => links.push(`<${pageUrl(base, query, to)}>; rel="${rel}"`)
  if (page < last) {
    add(page + 1, 'next')
    add(last, 'last')
  }
  if (page > 1) {
    add(1, 'first')
    add(Math.min(page - 1, last), 'prev')
  }
  return { items, link: links.length > 0 ? links.join(', ') : undefined }
}
