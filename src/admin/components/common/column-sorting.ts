// A sortable column's entries in DataTable's sort menu, worded as Medusa's own lists word them.

export const dateSorting = (label: string) => ({
  enableSorting: true,
  sortLabel: label,
  sortAscLabel: "Oldest first",
  sortDescLabel: "Newest first",
})

export const alphabeticalSorting = (label: string) => ({
  enableSorting: true,
  sortLabel: label,
  sortAscLabel: "A-Z",
  sortDescLabel: "Z-A",
})
