import { SquareTwoStack } from "@medusajs/icons"
import type { FetchError } from "@medusajs/js-sdk"
import { toast } from "@medusajs/ui"
import type { UseMutationResult } from "@tanstack/react-query"
import { useNavigate } from "react-router-dom"
import type { MenuAction } from "./action-menu"

interface DuplicateActionOptions<TResponse> {
  /** What is copied, as the toast names it: "Campaign". */
  noun: string
  /** The mutation that makes the copy and answers with it. */
  duplicate: UseMutationResult<TResponse, FetchError, void>
  copyOf: (response: TResponse) => { id: string; name: string }
  pathOf: (id: string) => string
}

/** The "Duplicate" item of a detail page's action menu: it makes the copy, then opens it to be edited. */
export function useDuplicateAction<TResponse>({ noun, duplicate, copyOf, pathOf }: DuplicateActionOptions<TResponse>): MenuAction {
  const navigate = useNavigate()
  return {
    label: "Duplicate",
    icon: <SquareTwoStack />,
    disabled: duplicate.isPending,
    onClick: () =>
      duplicate.mutate(undefined, {
        onSuccess: (response) => {
          const copy = copyOf(response)
          toast.success(`${noun} "${copy.name}" was created`)
          navigate(pathOf(copy.id))
        },
        onError: (error) => toast.error(`Could not duplicate the ${noun.toLowerCase()}`, { description: error.message }),
      }),
  }
}
