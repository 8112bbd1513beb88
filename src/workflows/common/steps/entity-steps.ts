import {
  convertItemResponseToUpdateRequest,
  getSelectsAndRelationsFromObjectArray,
} from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

/**
 * Steps over one model of a plugin module, named by the MedusaService methods it generates:
 * `entity` "Segments" means createSegments, updateSegments, softDeleteSegments...
 * Each step undoes itself when a later step of its workflow fails.
 */
type EntityRef = { module: string; entity: string }

type Service = Record<string, (...args: any[]) => Promise<any>>

export function createEntitiesStep<TInput extends object, TOutput extends { id: string }>(
  name: string,
  { module, entity }: EntityRef
) {
  return createStep(
    name,
    async (data: TInput[], { container }) => {
      const service: Service = container.resolve(module)
      const created: TOutput[] = await service[`create${entity}`](data)
      return new StepResponse(created, created.map((c) => c.id))
    },
    async (ids, { container }) => {
      if (!ids?.length) return
      await (container.resolve(module) as Service)[`delete${entity}`](ids)
    }
  )
}

export function updateEntitiesStep<TInput extends { id: string }, TOutput>(name: string, { module, entity }: EntityRef) {
  return createStep(
    name,
    async (data: TInput[], { container }) => {
      const service: Service = container.resolve(module)
      const { selects, relations } = getSelectsAndRelationsFromObjectArray(data)
      const before = await service[`list${entity}`]({ id: data.map((d) => d.id) }, { select: selects, relations })
      const updated: TOutput[] = await service[`update${entity}`](data)
      return new StepResponse(updated, { before, selects, relations })
    },
    async (revert, { container }) => {
      if (!revert?.before.length) return
      await (container.resolve(module) as Service)[`update${entity}`](
        revert.before.map((item: any) => convertItemResponseToUpdateRequest(item, revert.selects, revert.relations))
      )
    }
  )
}

export function softDeleteEntitiesStep(name: string, { module, entity }: EntityRef) {
  return createStep(
    name,
    async (ids: string[], { container }) => {
      await (container.resolve(module) as Service)[`softDelete${entity}`](ids)
      return new StepResponse(ids, ids)
    },
    async (ids, { container }) => {
      if (!ids?.length) return
      await (container.resolve(module) as Service)[`restore${entity}`](ids)
    }
  )
}
