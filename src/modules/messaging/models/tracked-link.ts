import { model } from "@medusajs/framework/utils"

/**
 * A tracked link as it was written, in a set of links that sent emails share: the messages of a
 * campaign mostly have the same links, so a set is stored once however many messages carry it
 * (its key is a hash of its URLs), and a message names its set. The click route redirects only
 * to a link of the clicked message's own set.
 */
const TrackedLink = model
  .define({ name: "TrackedLink", tableName: "marketing_tracked_link" }, {
    id: model.id({ prefix: "mlnk" }).primaryKey(),
    link_set: model.text(),
    position: model.number(),
    url: model.text(),
  })
  .indexes([{ on: ["link_set", "position"], unique: true }])

export default TrackedLink
