// Prints, after a run, the time each jest project's suites took (summed: suites run side by side, so the sum
// exceeds the run's wall time, printed too) and its slowest suites: the CI budget is kept by knowing where
// the minutes go.
class ProjectTimesReporter {
  constructor() {
    this.suites = []
  }

  onTestResult(test, result) {
    const seconds = (result.perfStats.end - result.perfStats.start) / 1000
    this.suites.push({ project: test.context.config.displayName?.name ?? "default", path: result.testFilePath, seconds })
  }

  onRunComplete(_contexts, results) {
    const byProject = new Map()
    for (const suite of this.suites) {
      const list = byProject.get(suite.project) ?? []
      list.push(suite)
      byProject.set(suite.project, list)
    }
    const wall = (Date.now() - results.startTime) / 1000
    const summed = this.suites.reduce((sum, s) => sum + s.seconds, 0)
    const lines = ["", `Suites ran ${summed.toFixed(0)} s in ${wall.toFixed(0)} s of wall time. Time per jest project (slowest suites):`]
    for (const [project, suites] of byProject) {
      const total = suites.reduce((sum, s) => sum + s.seconds, 0)
      lines.push(`  ${project.padEnd(10)} ${total.toFixed(0).padStart(6)} s in ${suites.length} suites`)
      for (const s of [...suites].sort((a, b) => b.seconds - a.seconds).slice(0, 3)) {
        lines.push(`    ${s.seconds.toFixed(0).padStart(6)} s  ${s.path.slice(process.cwd().length + 1)}`)
      }
    }
    console.log(lines.join("\n"))
  }
}

module.exports = ProjectTimesReporter
