// Loaded with `--import` (NODE_OPTIONS may not carry --cpu-prof): profiles the whole process and writes
// BENCH_PROFILE_DIR/portal-<pid>.cpuprofile when it exits, for Chrome DevTools or bench/profile-summary.ts.
import { writeFileSync } from 'node:fs'
import { Session } from 'node:inspector'
import { join } from 'node:path'

const dir = process.env.BENCH_PROFILE_DIR
if (dir) {
  const session = new Session()
  session.connect()
  session.post('Profiler.enable')
  session.post('Profiler.setSamplingInterval', { interval: 500 })
  session.post('Profiler.start')
  process.once('exit', () => {
    // An in-thread inspector session answers synchronously, so this runs to the end inside 'exit'.
    session.post('Profiler.stop', (error, result) => {
      if (!error) writeFileSync(join(dir, `portal-${process.pid}.cpuprofile`), JSON.stringify(result.profile))
    })
  })
}
