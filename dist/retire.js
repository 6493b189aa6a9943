// The retire step (written by build.js).
require('./action.js').retire();
