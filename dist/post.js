// The post step (written by build.js).
require('./action.js').post();
