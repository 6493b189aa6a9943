// The parser's action schema, for jest's moduleNameMapper (jest.config.js says why).
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

module.exports = JSON.parse(
  readFileSync(join(__dirname, '..', '..', '..', 'node_modules', '@actions', 'workflow-parser', 'dist', 'action-v1.0.min.json'), 'utf8'),
);
