/** The paging, sorting and search that every list route of the admin API takes. */
export interface PageQuery {
  limit: number
  offset: number
  order?: string
  q?: string
}

/** What every list route answers besides its rows. */
export interface PageResponse {
  count: number
  offset: number
  limit: number
}
