// Entry of a throughput child process: imports nothing under test before measuring (see throughput.ts).
import { measureInThisProcess, type ThroughputSpec } from './throughput.js';

const spec = JSON.parse(process.argv[2] ?? '{}') as ThroughputSpec;
console.log(JSON.stringify(await measureInThisProcess(spec)));
