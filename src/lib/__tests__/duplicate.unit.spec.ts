import { copyName, firstFreeCopyId } from "../duplicate"

describe("copyName", () => {
  it("marks the copy, and stays within the length a name may have", () => {
    expect(copyName("Spring sale")).toBe("Spring sale (copy)")
    const longest = copyName("x".repeat(255))
    expect(longest).toHaveLength(255)
    expect(longest.endsWith("x (copy)")).toBe(true)
  })
})

describe("firstFreeCopyId", () => {
  const takenFrom = (taken: string[]) => {
    const asked: string[][] = []
    const lookup = async (candidates: string[]) => {
      asked.push(candidates)
      return new Set(candidates.filter((candidate) => taken.includes(candidate)))
    }
    return { asked, lookup }
  }

  it("takes -copy when it is free, asking once", async () => {
    const { asked, lookup } = takenFrom([])
    await expect(firstFreeCopyId("vip", "copy", 100, lookup)).resolves.toBe("vip-copy")
    expect(asked).toHaveLength(1)
  })

  it("numbers the copies after the first", async () => {
    const { lookup } = takenFrom(["vip-copy", "vip-copy-2"])
    await expect(firstFreeCopyId("vip", "copy", 100, lookup)).resolves.toBe("vip-copy-3")
    await expect(firstFreeCopyId("SPRING10", "COPY", 64, takenFrom(["SPRING10-COPY"]).lookup)).resolves.toBe("SPRING10-COPY-2")
  })

  it("asks again past twenty copies", async () => {
    const taken = ["vip-copy", ...Array.from({ length: 25 }, (_, i) => `vip-copy-${i + 2}`)]
    const { asked, lookup } = takenFrom(taken)
    await expect(firstFreeCopyId("vip", "copy", 100, lookup)).resolves.toBe("vip-copy-27")
    expect(asked).toHaveLength(2)
  })

  it("cuts the base so that the identifier stays within its length", async () => {
    const id = await firstFreeCopyId("a".repeat(64), "COPY", 64, takenFrom([]).lookup)
    expect(id).toHaveLength(64)
    expect(id.endsWith("a-COPY")).toBe(true)
  })
})
