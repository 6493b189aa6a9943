/**
 * A registry host with an optional port, as docker and podman accept it: what the `registry`
 * input must be, and what the post step checks a registry from saved state against.
 */

// A registry host with an optional port, as docker accepts it (no scheme, no path).
const REGISTRY_SHAPE = /^(\[[0-9a-f:.]+\]|[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*)(:(?<port>\d{1,5}))?$/i;

export function isRegistryHost(registry: string): boolean {
  // The port as the shape matched it: a ":digits" inside an IPv6 address's brackets is not one.
  const match = REGISTRY_SHAPE.exec(registry);
  return match !== null && Number(match.groups!.port ?? 0) <= 65535;
}
