/**
 * `tsx bench/profile-summary.ts <file.cpuprofile>`: where a CPU profile's time went — self time by package
 * (or "kundnav" for our own code, "node" for Node's internals) and the functions with the most self time.
 */
import { readFileSync } from 'node:fs'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}
interface Profile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

const file = process.argv[2]
if (!file) throw new Error('usage: tsx bench/profile-summary.ts <file.cpuprofile>')
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile
const byId = new Map(profile.nodes.map((node) => [node.id, node]))
const selfTime = new Map<number, number>()
profile.samples.forEach((id, index) => {
  selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0))
})

function placeOf(url: string): string {
  if (!url) return '(native / idle / gc)'
  if (url.startsWith('node:')) return 'node'
  const modules = url.match(/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/)
  if (modules?.[1]) return modules[1]
  if (url.includes('/packages/') || url.includes('/apps/')) return 'kundnav'
  return url
}

const total = [...selfTime.values()].reduce((sum, value) => sum + value, 0)
const byPlace = new Map<string, number>()
const byFunction = new Map<string, number>()
for (const [id, time] of selfTime) {
  const node = byId.get(id)
  if (!node) continue
  const { functionName, url, lineNumber } = node.callFrame
  const place = functionName === '(idle)' ? '(idle)' : placeOf(url)
  byPlace.set(place, (byPlace.get(place) ?? 0) + time)
  const name = `${functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}:${lineNumber + 1}`
  byFunction.set(name, (byFunction.get(name) ?? 0) + time)
}
const percent = (time: number) => `${((100 * time) / total).toFixed(1).padStart(5)} %`
console.log(`total ${(total / 1e6).toFixed(1)} s sampled\n\nself time by place:`)
for (const [place, time] of [...byPlace].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
  console.log(`${percent(time)}  ${place}`)
}
console.log('\nfunctions with the most self time:')
for (const [name, time] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 30)) {
  console.log(`${percent(time)}  ${name}`)
}
