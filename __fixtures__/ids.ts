/**
 * The IDs the unit tests use: a Deepgram project and a set of distribution credentials, each a
 * UUID of the form the API gives. (The sandbox has its own project ID, sandbox/server.js.)
 */
export const PROJECT = '3f2b1c9e-8d7a-4e6f-9a1b-2c3d4e5f6a7b';
export const CRED = '8c5e2a1f-0b9d-4c3e-8f7a-6b5c4d3e2f1a';
