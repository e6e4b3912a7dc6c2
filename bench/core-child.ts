/**
 * One operation of bench/core.ts at one size, in a Node process of its own: prepares the
 * input, warms up, then times runs whenever the parent asks (`{ runs, ms }`), answering with
 * the samples. Started by `SizeProcess` in core.ts; exits when the parent disconnects.
 */
import { OPERATIONS } from './core'
import { timedRuns, warmUp } from './row'

export interface TimeRequest {
  /** At least this many runs… */
  runs: number
  /** …and more until they add up to this many ms. */
  ms: number
}

const [name, sizeText] = process.argv.slice(2)
const operation = OPERATIONS.find((o) => o.name === name)
if (!operation || !process.send) throw new Error(`core-child: no operation ${name} (or no parent)`)
const send = process.send.bind(process)
const prepare = operation.prepare(Number(sizeText))
await warmUp(prepare)
process.on('message', (request: TimeRequest) => {
  void timedRuns(prepare, request.runs, request.ms).then((samples) => send({ samples }))
})
process.on('disconnect', () => process.exit(0))
send({ ready: true })
