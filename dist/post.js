// The post step (written by build.js).
import { post } from './action.js';
void post();
