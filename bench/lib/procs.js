'use strict';

/** Child processes for the bench: servers (wait for a ready line) and one-shot tasks. */
const fs = require('fs');
const net = require('net');
const { spawn } = require('child_process');
const { setInterval, clearInterval } = require('timers');

const children = new Set();

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const track = (child) => {
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
};

/** Stop every child this process started (by pid), e.g. on an error. */
const stopAll = () => {
  for (const child of children) {
    try {
      process.kill(child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
};

/** Start `node script args` with env; resolve once it prints a JSON line with ready:true. */
const startServer = async (script, args, env, { timeoutMs = 120_000, label = script, nodeArgs = [] } = {}) => {
  const port = await freePort();
  const child = track(
    spawn(process.execPath, [...nodeArgs, script, ...args], {
      env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-8000);
  });
  await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`${label}: not ready after ${timeoutMs} ms\n${stderr}`)), timeoutMs);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      for (const line of out.split('\n')) {
        if (line.startsWith('{') && line.includes('"ready":true')) {
          clearTimeout(timer);
          resolve();
        }
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${label}: exited with ${code} before it was ready\n${stderr}`));
    });
  });
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      process.kill(child.pid, 'SIGTERM');
      setTimeout(() => {
        if (child.exitCode === null) process.kill(child.pid, 'SIGKILL');
      }, 10_000).unref();
    });
  return { port, pid: child.pid, url: `http://127.0.0.1:${port}`, stop, stderr: () => stderr };
};

/**
 * Run `node script args` to completion; resolve with the JSON on its last stdout line.
 * A task still running after `timeoutMs` is killed (SIGKILL) and rejects.
 */
const runTask = (script, args, env, { label = script, timeoutMs = 30 * 60_000 } = {}) =>
  new Promise((resolve, reject) => {
    const child = track(spawn(process.execPath, [script, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] }));
    let out = '';
    let err = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(child.pid, 'SIGKILL');
      } catch {
        // gone already
      }
    }, timeoutMs);
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.stderr.on('data', (chunk) => {
      err = (err + chunk).slice(-8000);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      const last = out.trim().split('\n').pop();
      if (timedOut) return reject(new Error(`${label}: killed after ${Math.round(timeoutMs / 1000)} s\n${err}`));
      if (code !== 0) return reject(new Error(`${label}: exit ${code}\n${err}`));
      try {
        resolve(JSON.parse(last));
      } catch {
        reject(new Error(`${label}: no JSON result\n${out.slice(-2000)}\n${err}`));
      }
    });
  });

/** Resident memory of a process (MB): current and peak (VmHWM) from /proc. */
const memoryOf = (pid) => {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field) => Number((status.match(new RegExp(`^${field}:\\s+(\\d+)`, 'm')) ?? [])[1] ?? NaN);
    return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
  } catch {
    return { rssMb: NaN, hwmMb: NaN };
  }
};

/** Poll a process's RSS while `work` runs; resolve with work's result and the peak. */
const withRssPolling = async (pid, work, everyMs = 100) => {
  let peak = memoryOf(pid).rssMb;
  const timer = setInterval(() => {
    const { rssMb } = memoryOf(pid);
    if (rssMb > peak) peak = rssMb;
  }, everyMs);
  try {
    const result = await work();
    return { result, peakRssMb: peak };
  } finally {
    clearInterval(timer);
  }
};

module.exports = { freePort, startServer, runTask, stopAll, memoryOf, withRssPolling };
