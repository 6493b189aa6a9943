/** Entry point of the retire action (retire/action.yml); runRetire() turns an error into a failed step. */
import { runRetire } from './retire.js';

void runRetire();
