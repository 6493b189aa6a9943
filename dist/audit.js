// The audit step (written by build.js).
require('./action.js').audit();
