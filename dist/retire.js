// The retire step (written by build.js).
import { retire } from './action.js';
void retire();
