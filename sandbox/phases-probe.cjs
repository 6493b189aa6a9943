/**
 * `npm run bench -- --phases`: a preload (node --require) that marks, with performance.now() (ms
 * since the process started), when a step reached each point that the action and its floor share:
 * the probe itself (Node's own start-up), the bundle loaded (the action only), the first API request
 * handed to node:http, the registry CLI spawned, the CLI gone, and the exit. It writes the marks
 * to PHASES_OUT at exit.
 *
 * It patches node:http and node:child_process as the step first requires them, so it loads
 * nothing the step would not; the profiler's samples, at this scale, mostly measure the profiler.
 */
'use strict';
const Module = require('node:module');
const { writeFileSync } = require('node:fs');

const marks = {};
const mark = (name) => (marks[name] ??= performance.now());
mark('probe');

const patched = new Set();
const load = Module._load;
Module._load = function (request, ...rest) {
  const exports = load.call(this, request, ...rest);
  const id = request.replace(/^node:/, '');
  if (id === 'http' && !patched.has(id)) {
    patched.add(id);
    const send = exports.request;
    exports.request = function (...args) {
      mark('request');
      return send.apply(this, args);
    };
  } else if (id === 'child_process' && !patched.has(id)) {
    patched.add(id);
    const spawn = exports.spawn;
    exports.spawn = function (...args) {
      mark('spawn');
      const child = spawn.apply(this, args);
      child.on('close', () => mark('close'));
      return child;
    };
    // The floors run the CLI with spawnSync: spawned as it is called, done as it returns.
    const spawnSync = exports.spawnSync;
    exports.spawnSync = function (...args) {
      mark('spawn');
      const result = spawnSync.apply(this, args);
      mark('close');
      return result;
    };
  } else if (/[\\/]action\.js$/.test(request)) {
    mark('loaded');
  }
  return exports;
};

process.on('exit', () => {
  mark('exit');
  writeFileSync(process.env.PHASES_OUT, JSON.stringify(marks));
});
