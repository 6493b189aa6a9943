// The main step (written by build.js).
require('./action.js').main();
