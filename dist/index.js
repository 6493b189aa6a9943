// The main step (written by build.js).
import { main } from './action.js';
void main();
