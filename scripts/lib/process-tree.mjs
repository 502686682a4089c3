// Memory of a whole process tree (the ingest command, the reference tool and their children),
// sampled from /proc. Linux only; elsewhere the benchmarks report null.
import fs from 'node:fs';

export const canSampleProcessTree = fs.existsSync('/proc/self/stat');

/** Sum of RSS (MB) over a process and all its descendants. */
export function treeRssMb(rootPid) {
  const parents = new Map();
  const rss = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(entry), Number(fields[1]));
      rss.set(Number(entry), (Number(fields[21]) * 4096) / 1048576);
    } catch {
      // the process ended between readdir and read: it no longer uses memory
    }
  }
  let total = 0;
  for (const [pid, mb] of rss) {
    for (let p = pid; p > 1; p = parents.get(p) ?? 0) {
      if (p === rootPid) {
        total += mb;
        break;
      }
    }
  }
  return total;
}

/** Runs a command, sampling its tree's RSS every 25 ms; resolves with output and the peak. */
export async function runSampled(spawn, command, args, options) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, options);
    let stdout = '';
    let stderr = '';
    let peak = 0;
    const timer = setInterval(() => {
      if (canSampleProcessTree) peak = Math.max(peak, treeRssMb(child.pid));
    }, 25);
    child.stdout?.on('data', (d) => {
      stdout += d;
    });
    child.stderr?.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ code, stdout, stderr, peakRssMb: canSampleProcessTree ? Math.round(peak) : null });
    });
  });
}
